import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RejectionCode } from '@mcm/shared';
import { ExpectedFigures, ExpectedRow } from './expected';
import { Scenario } from './scenario';

export interface GroundTruthEvent {
  eventId: string;
  trueChildId: string | null;
  valid: boolean;
  expectedRejection?: RejectionCode;
  /** Present (true) only when the expectation depends on the validator's clock (TIMESTAMP_IN_FUTURE). */
  clockDependent?: true;
  /** Kafka key: `${agency.code}:${agencyChildRef}` (maps agency children to true children). */
  key: string;
}

export interface GroundTruth {
  seed: number;
  now: string;
  params: Record<string, unknown>;
  horizonWeek: string | null;
  counts: {
    events: number;
    valid: number;
    invalid: number;
    trueChildren: number;
    agencyRecords: number;
    incidents: number;
    openIncidents: number;
    withdrawnEpisodes: number;
    agencyEpisodes: number;
    deterministicChildren: number;
  };
  /** In publishing order. */
  events: GroundTruthEvent[];
  expected: { deterministic: ExpectedRow[]; truth: ExpectedRow[] };
}

export function buildGroundTruth(scenario: Scenario, expected: ExpectedFigures, params: Record<string, unknown> = {}): GroundTruth {
  const { options, events, truth } = scenario;
  let valid = 0;
  const entries = events.map((e): GroundTruthEvent => {
    if (e.valid) valid++;
    const entry: GroundTruthEvent = { eventId: e.eventId, trueChildId: e.trueChildId, valid: e.valid, key: e.key };
    if (e.expectedRejection !== undefined) entry.expectedRejection = e.expectedRejection;
    if (e.clockDependent) entry.clockDependent = true;
    return entry;
  });
  return {
    seed: options.seed,
    now: options.now.toISOString(),
    params: { children: options.children, days: options.days, invalidShare: options.invalidShare, linkableOnly: options.linkableOnly, ...params },
    horizonWeek: expected.horizonWeek,
    counts: {
      events: events.length,
      valid,
      invalid: events.length - valid,
      trueChildren: truth.population.length,
      agencyRecords: truth.agencyRecords.length,
      incidents: truth.incidents.length,
      openIncidents: truth.incidents.filter((i) => i.endMs === null).length,
      withdrawnEpisodes: truth.withdrawnEpisodes.length,
      agencyEpisodes: expected.stats.agencyEpisodes,
      deterministicChildren: expected.stats.deterministicChildren,
    },
    events: entries,
    expected: { deterministic: expected.deterministic, truth: expected.truth },
  };
}

/** Writes the ground truth as JSON, one event or row per line, streamed (the file can be tens of MB). */
export async function writeGroundTruth(groundTruth: GroundTruth, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'utf8' });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  const { events, expected, ...head } = groundTruth;
  const headJson = JSON.stringify(head, null, 2);
  await write(`${headJson.slice(0, -2)},\n  "events": [\n`);
  for (let from = 0; from < events.length; from += 2000) {
    const lines = events.slice(from, from + 2000).map((e, i) => `    ${JSON.stringify(e)}${from + i + 1 < events.length ? ',' : ''}\n`);
    await write(lines.join(''));
  }
  await write('  ],\n  "expected": {\n');
  const rows = (name: string, list: ExpectedRow[], last: boolean) =>
    `    "${name}": [\n${list.map((r) => `      ${JSON.stringify(r)}`).join(',\n')}${list.length ? '\n' : ''}    ]${last ? '' : ','}\n`;
  await write(rows('deterministic', expected.deterministic, false));
  await write(rows('truth', expected.truth, true));
  await write('  }\n}\n');
  out.end();
  await done;
}
