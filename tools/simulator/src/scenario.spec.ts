import { createHash } from 'node:crypto';
import { AgencyEvent, DEFAULT_MAX_EVENT_BYTES, referenceData, validateEventBytes } from '@mcm/shared';
import { agencyChildKey } from '@mcm/kafka';
import { computeExpected, deterministicLinkage, ExpectedAccumulator } from './expected';
import { MIN_TRUE_GAP_MS } from './incidents';
import { INVALID_EVENT_TYPES } from './invalid-events';
import { generateScenario, Scenario } from './scenario';
import { SIM_EVENT_ID_HEADER } from './sim-event';
import { DAY, HOUR, yearsAfter } from './time-utils';

const NOW = new Date('2025-06-01T12:00:00Z');
const small = (seed: number, extra: Partial<Parameters<typeof generateScenario>[0]> = {}) =>
  generateScenario({ seed, children: 300, days: 120, now: NOW, ...extra });

/** Every instant an event carries. */
function instants(event: AgencyEvent): string[] {
  return [event.occurredAt, event.reportedAt, event.missingSince, event.correction?.missingFrom, event.correction?.returnedAt].filter(
    (v): v is string => v !== undefined,
  );
}

function fingerprint(scenario: Scenario): string {
  const hash = createHash('sha256');
  for (const e of scenario.events) hash.update(`${e.key}\n${e.trueChildId}\n${e.valid}\n${e.expectedRejection}\n`).update(e.bytes);
  return hash.digest('hex');
}

describe('generateScenario', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = generateScenario({ seed: 11, children: 1500, days: 365, now: NOW, invalidShare: 0.03 });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(fingerprint(small(5))).toBe(fingerprint(small(5)));
    expect(fingerprint(small(5))).not.toBe(fingerprint(small(6)));
  });

  it('produces a realistic mix of events', () => {
    const kinds = new Map<string, number>();
    for (const e of scenario.events) if (e.valid) kinds.set(e.kind as string, (kinds.get(e.kind as string) ?? 0) + 1);
    const valid = scenario.events.filter((e) => e.valid).length;
    expect(valid / scenario.truth.population.length).toBeGreaterThan(5);
    expect(valid / scenario.truth.population.length).toBeLessThan(15);
    expect(kinds.get('MISSING_REPORTED')).toBeGreaterThan(kinds.get('RETURNED') as number);
    expect(kinds.get('EPISODE_CORRECTED')).toBeGreaterThan(0);
    expect(kinds.get('REPORT_WITHDRAWN')).toBe(scenario.truth.withdrawnEpisodes.length);
    expect(scenario.truth.withdrawnEpisodes.length).toBeGreaterThan(10);
    expect(scenario.truth.incidents.some((i) => i.endMs === null)).toBe(true);
    expect(scenario.truth.incidents.some((i) => i.agencyEpisodes.length === 3)).toBe(true);
  });

  it('keeps durations realistic: over three quarters under 24 h, about 2% over a week (HOME and CARE)', () => {
    const durations = scenario.truth.incidents
      .filter((i) => i.setting !== 'EDUCATION' && i.endMs !== null)
      .map((i) => (i.endMs as number) - i.startMs);
    const share = (f: (d: number) => boolean) => durations.filter(f).length / durations.length;
    expect(share((d) => d < 24 * HOUR)).toBeGreaterThan(0.75);
    expect(share((d) => d > 7 * DAY)).toBeGreaterThan(0.005);
    expect(share((d) => d > 7 * DAY)).toBeLessThan(0.05);
  });

  it('never has a child over 17 or born after an event, and no timestamp after now', () => {
    // Violations are collected (one expect per event is slow in jest).
    const violations: string[] = [];
    const dobOf = new Map(scenario.truth.population.map((c) => [c.id, c.dateOfBirth]));
    const windowStart = scenario.truth.windowStartMs;
    for (const child of scenario.truth.population) {
      if (yearsAfter(child.dateOfBirth, 5) > windowStart || yearsAfter(child.dateOfBirth, 18) <= NOW.getTime())
        violations.push(`${child.id} born ${child.dateOfBirth}`);
    }
    for (const e of scenario.events) {
      if (!e.valid) continue;
      const event = e.event as AgencyEvent;
      const dob = dobOf.get(e.trueChildId as string) as string;
      for (const instant of instants(event)) {
        const t = Date.parse(instant);
        if (t > NOW.getTime()) violations.push(`${e.eventId}: ${instant} is after now`);
        if (t <= Date.parse(`${dob}T00:00:00Z`) || t >= yearsAfter(dob, 18)) violations.push(`${e.eventId}: ${instant} with a child born ${dob}`);
      }
      if (Date.parse(event.reportedAt) < Date.parse(event.occurredAt)) violations.push(`${e.eventId}: reported before it occurred`);
    }
    expect(violations).toEqual([]);
  });

  it('never lets the incidents of one child overlap, even as agencies report them', () => {
    const byChild = new Map<string, { startMs: number; endMs: number | null }[]>();
    for (const incident of scenario.truth.incidents) {
      const list = byChild.get(incident.childId) ?? [];
      list.push(incident);
      byChild.set(incident.childId, list);
    }
    const overlapping: string[] = [];
    for (const [child, list] of byChild) {
      for (let i = 1; i < list.length; i++) {
        if (list[i - 1].endMs === null || list[i].startMs - (list[i - 1].endMs as number) < MIN_TRUE_GAP_MS) overlapping.push(child);
      }
    }
    expect(overlapping).toEqual([]);
    // As reported: every agency time (first reports, every correction) of one incident stays >= 2 days
    // from every agency time of the child's other incidents.
    const incidentOf = new Map<string, string>();
    for (const incident of scenario.truth.incidents) for (const ep of incident.agencyEpisodes) incidentOf.set(ep, incident.id);
    const span = new Map<string, { child: string; min: number; max: number }>();
    for (const e of scenario.events) {
      if (!e.valid) continue;
      const event = e.event as AgencyEvent;
      const incident = incidentOf.get(`${event.agency.code}|${event.agencyEpisodeRef}`);
      if (incident === undefined) continue;
      const times = [
        event.kind === 'MISSING_REPORTED' || event.kind === 'RETURNED' ? event.occurredAt : undefined,
        event.missingSince,
        event.correction?.missingFrom,
        event.correction?.returnedAt,
      ]
        .filter((v): v is string => v !== undefined)
        .map(Date.parse);
      const s = span.get(incident) ?? { child: e.trueChildId as string, min: Infinity, max: -Infinity };
      for (const t of times) {
        s.min = Math.min(s.min, t);
        s.max = Math.max(s.max, t);
      }
      span.set(incident, s);
    }
    const spansByChild = new Map<string, { min: number; max: number; open: boolean }[]>();
    for (const incident of scenario.truth.incidents) {
      const s = span.get(incident.id);
      if (!s) continue;
      const list = spansByChild.get(s.child) ?? [];
      list.push({ ...s, open: incident.endMs === null });
      spansByChild.set(s.child, list);
    }
    const tooClose: string[] = [];
    for (const [child, list] of spansByChild) {
      list.sort((a, b) => a.min - b.min);
      for (let i = 1; i < list.length; i++) if (list[i].min - list[i - 1].max < 2 * DAY) tooClose.push(child);
    }
    expect(tooClose).toEqual([]);
  });

  it('makes each incident exactly one national episode of its true child', () => {
    const figures = computeExpected(scenario.events);
    expect(figures.stats.truthEpisodes).toBe(scenario.truth.incidents.length);
    expect(figures.stats.truthChildren).toBe(scenario.truth.population.length);
    expect(figures.stats.excludedEpisodes).toBe(scenario.truth.withdrawnEpisodes.length);
  });

  it('keys every message by agency child and tags it with its event id', () => {
    const violations: string[] = [];
    const trueChildrenOf = new Map<string, Set<string>>();
    for (const e of scenario.events) {
      if (e.headers[SIM_EVENT_ID_HEADER] !== e.eventId) violations.push(`${e.eventId}: header`);
      if (!e.valid) continue;
      const event = e.event as AgencyEvent;
      if (e.key !== agencyChildKey(event.agency.code, event.agencyChildRef)) violations.push(`${e.eventId}: key ${e.key}`);
      const set = trueChildrenOf.get(e.key) ?? new Set();
      set.add(e.trueChildId as string);
      trueChildrenOf.set(e.key, set);
    }
    expect(violations).toEqual([]);
    // An agency child is always one real child.
    expect([...trueChildrenOf.values()].filter((set) => set.size !== 1)).toEqual([]);
    expect(new Set(scenario.events.map((e) => e.eventId)).size).toBe(scenario.events.length);
  });

  it('publishes roughly by reportedAt, with late reports and some returns before their missing report', () => {
    const position = new Map<string, number>();
    scenario.events.forEach((e, i) => e.valid && position.set(`${e.event?.agency.code}|${e.event?.agencyEpisodeRef}|${e.kind}`, i));
    let returns = 0;
    let early = 0;
    for (const [key, i] of position) {
      if (!key.endsWith('|RETURNED')) continue;
      returns++;
      if ((position.get(key.replace('|RETURNED', '|MISSING_REPORTED')) as number) > i) early++;
    }
    expect(early / returns).toBeGreaterThan(0.005);
    expect(early / returns).toBeLessThan(0.06);
    const late = scenario.events.filter(
      (e) =>
        e.kind === 'MISSING_REPORTED' &&
        e.valid &&
        Date.parse((e.event as AgencyEvent).reportedAt) - Date.parse((e.event as AgencyEvent).occurredAt) > 2 * DAY,
    );
    expect(late.length).toBeGreaterThan(0);
    const invalidPositions = scenario.events.map((e, i) => (e.valid ? -1 : i)).filter((i) => i >= 0);
    expect(invalidPositions[0]).toBeLessThan(scenario.events.length / 4);
    expect(invalidPositions[invalidPositions.length - 1]).toBeGreaterThan((scenario.events.length * 3) / 4);
  });

  it('validates every valid event and rejects every invalid one with exactly its expected code', () => {
    const options = { reference: referenceData(), now: NOW, maxClockSkewMs: 5 * 60_000, maxEventBytes: DEFAULT_MAX_EVENT_BYTES };
    const seen = new Set<string>();
    const failures: string[] = [];
    for (const e of scenario.events) {
      const result = validateEventBytes(e.bytes, options);
      if (e.valid) {
        if (!result.ok) failures.push(`${e.eventId}: ${JSON.stringify(result.reasons)}`);
      } else {
        seen.add(e.expectedRejection as string);
        const codes = result.ok ? ['ACCEPTED'] : [...new Set(result.reasons.map((r) => r.code))];
        if (codes.length !== 1 || codes[0] !== e.expectedRejection)
          failures.push(`${e.eventId} expected ${e.expectedRejection}, got ${codes.join(',')}`);
      }
    }
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual([...INVALID_EVENT_TYPES].sort());
    const invalid = scenario.events.filter((e) => !e.valid).length;
    expect(invalid / scenario.events.length).toBeCloseTo(0.03, 2);
    expect(scenario.events.filter((e) => e.clockDependent).every((e) => e.expectedRejection === 'TIMESTAMP_IN_FUTURE')).toBe(true);
  });

  it('has identity noise: deterministic linkage splits some children, never merges two', () => {
    const figures = computeExpected(scenario.events);
    expect(figures.stats.deterministicChildren).toBeGreaterThan(figures.stats.truthChildren);
    expect(figures.deterministic).not.toEqual(figures.truth);
    // Never merges: every deterministic component holds agency children of one true child.
    const acc = new ExpectedAccumulator();
    for (const e of scenario.events) if (e.valid) acc.add(e.event as AgencyEvent, e.trueChildId);
    const truthOf = acc.truth();
    const trueChildrenOf = new Map<string, Set<string>>();
    for (const [agencyChild, component] of deterministicLinkage(acc.attributes())) {
      const set = trueChildrenOf.get(component) ?? new Set();
      set.add(truthOf.get(agencyChild) as string);
      trueChildrenOf.set(component, set);
    }
    expect([...trueChildrenOf.values()].filter((set) => set.size !== 1)).toEqual([]);
    const noise = new Set(scenario.truth.agencyRecords.flatMap((r) => r.realNoise));
    for (const kind of ['NAME_TYPO', 'NAMES_SWAPPED', 'DOB_PARTIAL', 'NHS_MISSING', 'UPN_MISSING', 'POSTCODE_DIFFERENT'])
      expect(noise).toContain(kind);
  });
});

describe('generateScenario --linkable-only', () => {
  it('lets deterministic linkage resolve every child: deterministic figures equal the truth', () => {
    const scenario = generateScenario({ seed: 12, children: 1200, days: 365, now: NOW, linkableOnly: true });
    const figures = computeExpected(scenario.events);
    expect(figures.stats.deterministicChildren).toBe(scenario.truth.population.length);
    expect(figures.deterministic).toEqual(figures.truth);
    expect(figures.truth.length).toBeGreaterThan(100);
  });
});

describe('generateScenario options', () => {
  it('respects invalidShare 0 and rejects nonsense', () => {
    expect(small(1, { invalidShare: 0 }).events.every((e) => e.valid)).toBe(true);
    expect(() => small(1, { invalidShare: 1 })).toThrow();
    expect(() => small(1, { days: 0 })).toThrow();
    expect(() => small(1, { days: 13 * 365 })).toThrow();
  });

  it('handles a very short window', () => {
    const scenario = generateScenario({ seed: 3, children: 50, days: 1, now: NOW });
    const start = NOW.getTime() - DAY;
    expect(scenario.truth.incidents.length).toBeGreaterThanOrEqual(50);
    const early = scenario.events.filter((e) => e.valid && instants(e.event as AgencyEvent).some((t) => Date.parse(t) < start));
    expect(early).toEqual([]);
  });
});
