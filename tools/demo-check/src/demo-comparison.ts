import { NationalRegisterTotals } from '@mcm/persistence/linkage/national-register-totals.repository';

/** The part of the simulator's ground truth (GroundTruth, tools/simulator) the comparison reads. */
export interface DemoTruth {
  counts: { trueChildren: number };
  /** clockDependent: invalid only while the validator's clock is before the simulation's end + 1 hour. */
  events: { eventId: string; clockDependent?: true }[];
  expected: { truth: { setting: string; la: string; episodesStarted: number }[] };
}

export interface DemoFigures {
  children: { counted: number; simulated: number };
  episodes: { counted: number; simulated: number };
  /** Events the simulation made invalid by dating them after its end, accepted because the clock has passed them. */
  acceptedFutureEvents: number;
}

/** The events whose validity depends on the clock (TIMESTAMP_IN_FUTURE). */
export function clockDependentEventIds(truth: DemoTruth): string[] {
  return truth.events.filter((e) => e.clockDependent).map((e) => e.eventId);
}

/** Counted against simulated: true children, and national episodes (each starts in one week of the national, all-settings rows). */
export function demoFigures(truth: DemoTruth, totals: NationalRegisterTotals, acceptedFutureEvents = 0): DemoFigures {
  const simulatedEpisodes = truth.expected.truth.filter((r) => r.setting === 'ALL' && r.la === 'ALL').reduce((sum, r) => sum + r.episodesStarted, 0);
  return {
    children: { counted: totals.nationalChildren, simulated: truth.counts.trueChildren },
    episodes: { counted: totals.nationalEpisodes, simulated: simulatedEpisodes },
    acceptedFutureEvents,
  };
}

const number = (n: number) => n.toLocaleString('en-GB');

/** Signed relative difference with one decimal, e.g. "+0.4%", "-1.2%", "0.0%". */
export function relativeDifference(counted: number, simulated: number): string {
  if (simulated === 0) return counted === 0 ? '0.0%' : 'n/a';
  const pct = ((counted - simulated) / simulated) * 100;
  const text = Math.abs(pct).toFixed(1);
  return text === '0.0' ? '0.0%' : `${pct > 0 ? '+' : '-'}${text}%`;
}

/** "3,012 national children counted, 3,000 in the simulation (+0.4%); 8,990 episodes, 8,956 in the simulation (+0.4%)" */
export function describeDemoFigures({ children, episodes, acceptedFutureEvents }: DemoFigures): string {
  // The demo's simulation ends at midnight: its "future" events (an hour later) are valid once
  // that hour has passed, and each names an agency child of its own. Said, not hidden.
  const future =
    acceptedFutureEvents === 0
      ? ''
      : `; ${number(acceptedFutureEvents)} ${acceptedFutureEvents === 1 ? 'event' : 'events'} the simulation dated after its end were accepted (the clock has passed them) and count as children and episodes of their own`;
  return (
    `${number(children.counted)} national children counted, ${number(children.simulated)} in the simulation (${relativeDifference(children.counted, children.simulated)}); ` +
    `${number(episodes.counted)} episodes, ${number(episodes.simulated)} in the simulation (${relativeDifference(episodes.counted, episodes.simulated)})${future}`
  );
}
