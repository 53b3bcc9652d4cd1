import * as fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { AgencyEvent, normaliseEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { AggregatorHarness } from './support/aggregator-harness';
import { IncidenceRow, sortRows } from './support/incidence';
import { computeExpected, generateScenario } from '../tools/simulator/src';

const police = { type: 'POLICE' as const, code: 'E23000001' };
const council = { type: 'LOCAL_AUTHORITY' as const, code: 'E09000033' };
const school = { type: 'SCHOOL' as const, code: '100001' };
const amy = { nhsNumber: '9434765919', givenName: 'AMY', familyName: 'LEE', dateOfBirth: '2011-03-02', responsibleLaCode: 'E09000033' };
const ben = { givenName: 'BEN', familyName: 'OKAFOR', dateOfBirth: '2013-07-19', responsibleLaCode: 'E08000025' };
const cal = { nhsNumber: '6541003238', givenName: 'CAL', familyName: 'WU', dateOfBirth: '2010-01-05', responsibleLaCode: 'E06000001' };

function ev(over: Partial<AgencyEvent>): AgencyEvent {
  return normaliseEvent(aMissingReport({ eventId: randomUUID(), reportedAt: over.occurredAt, ...over }));
}

/** A small stream with every awkward case; the figures below were worked out by hand. */
const stream: AgencyEvent[] = [
  // Amy: police (HOME) and council (CARE) report one overlapping episode -> one CARE episode.
  ev({ agency: police, agencyChildRef: 'P-AMY', agencyEpisodeRef: 'P1', occurredAt: '2026-10-05T20:00:00Z', child: amy }),
  ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'P-AMY', agencyEpisodeRef: 'P1', occurredAt: '2026-10-06T08:00:00Z', child: {} }),
  ev({
    setting: 'CARE',
    careMissingType: 'M',
    agency: council,
    agencyChildRef: 'L-AMY',
    agencyEpisodeRef: 'L1',
    occurredAt: '2026-10-05T21:00:00Z',
    child: { nhsNumber: amy.nhsNumber, responsibleLaCode: 'E09000033' },
  }),
  ev({
    kind: 'RETURNED',
    setting: 'CARE',
    agency: council,
    agencyChildRef: 'L-AMY',
    agencyEpisodeRef: 'L1',
    occurredAt: '2026-10-07T10:00:00Z',
    returnInterviewOffered: true,
    child: {},
  }),
  // Amy again later: still open.
  ev({ agency: police, agencyChildRef: 'P-AMY', agencyEpisodeRef: 'P2', occurredAt: '2026-10-20T18:00:00Z', child: amy }),
  // Ben: school and council, linked on name + date of birth; the return reaches us before the report.
  ev({
    kind: 'RETURNED',
    setting: 'EDUCATION',
    agency: school,
    agencyChildRef: 'S-BEN',
    agencyEpisodeRef: 'S1',
    occurredAt: '2026-11-02T09:00:00Z',
    reportedAt: '2026-11-02T09:00:00Z',
    child: {},
  }),
  ev({
    setting: 'EDUCATION',
    agency: school,
    agencyChildRef: 'S-BEN',
    agencyEpisodeRef: 'S1',
    occurredAt: '2026-10-12T09:00:00Z',
    reportedAt: '2026-10-12T10:00:00Z',
    child: ben,
  }),
  ev({
    setting: 'EDUCATION',
    agency: { type: 'LOCAL_AUTHORITY', code: 'E08000025' },
    agencyChildRef: 'L-BEN',
    agencyEpisodeRef: 'L2',
    occurredAt: '2026-10-13T09:00:00Z',
    child: ben,
  }),
  ev({
    kind: 'RETURNED',
    setting: 'EDUCATION',
    agency: { type: 'LOCAL_AUTHORITY', code: 'E08000025' },
    agencyChildRef: 'L-BEN',
    agencyEpisodeRef: 'L2',
    occurredAt: '2026-10-30T09:00:00Z',
    child: {},
  }),
  // Cal: reported late on the Sunday the clocks go back (23:30 UTC = 23:30 London, week of 19 Oct),
  // then corrected to 00:30 UTC on Monday (week of 26 Oct); a second report is withdrawn.
  ev({ agency: police, agencyChildRef: 'P-CAL', agencyEpisodeRef: 'P3', occurredAt: '2026-10-25T23:30:00Z', child: cal }),
  ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'P-CAL', agencyEpisodeRef: 'P3', occurredAt: '2026-10-26T06:00:00Z', child: {} }),
  ev({
    kind: 'EPISODE_CORRECTED',
    agency: police,
    agencyChildRef: 'P-CAL',
    agencyEpisodeRef: 'P3',
    occurredAt: '2026-10-27T10:00:00Z',
    correction: { missingFrom: '2026-10-26T00:30:00Z' },
    child: {},
  }),
  ev({ agency: police, agencyChildRef: 'P-CAL', agencyEpisodeRef: 'P4', occurredAt: '2026-11-03T12:00:00Z', child: cal }),
  ev({ kind: 'REPORT_WITHDRAWN', agency: police, agencyChildRef: 'P-CAL', agencyEpisodeRef: 'P4', occurredAt: '2026-11-03T13:00:00Z', child: {} }),
];

const cell = (rows: IncidenceRow[], week: string, setting = 'ALL', la = 'ALL') =>
  rows.find((r) => r.weekCommencing === week && r.setting === setting && r.la === la) ?? { children: 0, episodesStarted: 0, openAtWeekEnd: 0 };

describe('order independence (aggregator on a real database)', () => {
  const harness = new AggregatorHarness();
  let reference: IncidenceRow[];

  beforeAll(async () => {
    await harness.start();
    await harness.apply(stream);
    reference = await harness.incidence();
  });
  afterAll(() => harness.stop());

  it('computes the hand-worked figures', () => {
    expect(cell(reference, '2026-10-05')).toMatchObject({ children: 1, episodesStarted: 1, openAtWeekEnd: 0 });
    expect(cell(reference, '2026-10-05', 'CARE', 'E09000033')).toMatchObject({ children: 1, episodesStarted: 1 });
    expect(cell(reference, '2026-10-05', 'HOME')).toMatchObject({ children: 0, episodesStarted: 0 });
    expect(cell(reference, '2026-10-12', 'EDUCATION', 'E08000025')).toMatchObject({ children: 1, episodesStarted: 1, openAtWeekEnd: 1 });
    expect(cell(reference, '2026-10-19')).toMatchObject({ children: 1, episodesStarted: 1, openAtWeekEnd: 2 });
    expect(cell(reference, '2026-10-26')).toMatchObject({ children: 1, episodesStarted: 1, openAtWeekEnd: 2 });
    expect(cell(reference, '2026-11-02')).toMatchObject({ children: 0, episodesStarted: 0, openAtWeekEnd: 1 });
    expect(reference.filter((r) => r.setting === 'ALL' && r.la === 'ALL').map((r) => r.weekCommencing)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
    ]);
  });

  it('gives the same figures whatever the order and batching of the events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(stream, { minLength: stream.length, maxLength: stream.length }),
        fc.integer({ min: 1, max: 6 }),
        async (shuffled, batchSize) => {
          await harness.reset();
          await harness.apply(shuffled, batchSize);
          expect(await harness.incidence()).toEqual(reference);
          expect(await harness.wholeIncidence()).toEqual(await harness.rebuiltIncidence());
        },
      ),
      { numRuns: 15 },
    );
  });

  it('is unchanged by replaying every event again', async () => {
    await harness.reset();
    await harness.apply(stream);
    await harness.apply([...stream].reverse(), 3);
    expect(await harness.incidence()).toEqual(reference);
  });
});

describe('aggregator against the simulator ground truth (real database)', () => {
  const harness = new AggregatorHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('resolves every child of a linkable stream and equals the truth', async () => {
    const scenario = generateScenario({ seed: 21, children: 400, days: 120, now: new Date(), linkableOnly: true });
    const expected = computeExpected(scenario.events);
    expect(expected.deterministic).toEqual(expected.truth);
    await harness.apply(
      scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!)),
      700,
    );
    expect(await harness.incidence()).toEqual(sortRows(expected.truth));
    // Every level (regions, settings, England) and measure, as a rebuild from scratch gives them.
    expect(await harness.wholeIncidence()).toEqual(await harness.rebuiltIncidence());
  });

  it('keeps every level of the table equal to a rebuild through merges, corrections, withdrawals and late events', async () => {
    await harness.reset();
    const scenario = generateScenario({ seed: 8, children: 300, days: 240, now: new Date() });
    const events = scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!));
    await harness.apply(events, 250);
    const rows = await harness.wholeIncidence();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows).toEqual(await harness.rebuiltIncidence());
    // The cell keys (cell-key method) are kept too, and are real keys, not zeros.
    const keyed = (rows as { children_key: string; started_key: string; open_key: string }[]).filter(
      (r) => r.children_key !== '0' && r.started_key !== '0',
    );
    expect(keyed.length).toBeGreaterThan(rows.length / 2);
  });
});
