import { randomUUID } from 'node:crypto';
import { StatisticsFiguresRepository } from '@mcm/persistence';
import { AgencyEvent, normaliseEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { AggregatorHarness } from './support/aggregator-harness';

/**
 * The definitions at the edges (docs/events.md, "Episodes without a reported end" and "The local
 * authority of an episode") as the aggregator applies them against a real database.
 */
describe('definitions at the edges (real database)', () => {
  const harness = new AggregatorHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(() => harness.reset());
  const q = <T>(sql: string) => harness.dataSource.query(sql) as Promise<T[]>;

  const child = { nhsNumber: '9434765919', givenName: 'AMY', familyName: 'LEE', dateOfBirth: '2011-03-02', responsibleLaCode: 'E09000033' };
  const school = { type: 'SCHOOL', code: '100001' } as const;
  const ev = (over: Partial<AgencyEvent>): AgencyEvent =>
    normaliseEvent(aMissingReport({ eventId: randomUUID(), reportedAt: over.occurredAt, child, ...over }));
  const episodes = () =>
    q<{ started: string; ended: string | null; setting: string; la_code: string }>(
      "SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') AS started, to_char(ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') AS ended, setting, la_code FROM national_episode ORDER BY started_at, ended_at DESC",
    );

  it("ends a school episode never returned just before the child's next episode, and counts the implied return for the school", async () => {
    await harness.apply([
      ev({
        setting: 'EDUCATION',
        agency: school,
        agencyChildRef: 'S-1',
        agencyEpisodeRef: 'S-E1',
        occurredAt: '2026-09-07T09:00:00Z',
        riskGrade: undefined,
      }),
      ev({ agencyChildRef: 'P-1', agencyEpisodeRef: 'P-E1', occurredAt: '2026-10-06T20:00:00Z' }),
      ev({ kind: 'RETURNED', agencyChildRef: 'P-1', agencyEpisodeRef: 'P-E1', occurredAt: '2026-10-07T08:00:00Z', riskGrade: undefined }),
    ]);
    expect(await episodes()).toEqual([
      { started: '2026-09-07T09:00:00.000', ended: '2026-10-06T19:59:59.999', setting: 'EDUCATION', la_code: 'E09000033' },
      { started: '2026-10-06T20:00:00.000', ended: '2026-10-07T08:00:00.000', setting: 'HOME', la_code: 'E09000033' },
    ]);
    expect(await q('SELECT agency_code, implied_end FROM agency_episode WHERE implied_end IS NOT NULL')).toEqual([
      { agency_code: '100001', implied_end: 'NEXT_EPISODE' },
    ]);
    const figures = await new StatisticsFiguresRepository().agencies(harness.dataSource.manager, '2026-10-05');
    expect(figures.map((a) => [a.agencyCode, a.impliedReturnsThisWeek, a.impliedReturnsToDate])).toEqual([
      ['100001', 1, 1],
      ['E23000001', 0, 0],
    ]);
    expect(await harness.wholeIncidence()).toEqual(await harness.rebuiltIncidence());

    // The school reports the return after all: no implied return is left.
    await harness.apply([
      ev({
        kind: 'RETURNED',
        setting: 'EDUCATION',
        agency: school,
        agencyChildRef: 'S-1',
        agencyEpisodeRef: 'S-E1',
        occurredAt: '2026-09-07T15:00:00Z',
        riskGrade: undefined,
      }),
    ]);
    expect(await q('SELECT agency_code FROM agency_episode WHERE implied_end IS NOT NULL')).toEqual([]);
  });

  it('takes a report starting within a day as the same episode, and keeps each episode in the LA stated at its start', async () => {
    const moved = { ...child, responsibleLaCode: 'E08000025' };
    await harness.apply([
      ev({
        setting: 'EDUCATION',
        agency: school,
        agencyChildRef: 'S-1',
        agencyEpisodeRef: 'S-E1',
        occurredAt: '2026-09-07T09:00:00Z',
        riskGrade: undefined,
      }),
      ev({ agencyChildRef: 'P-1', agencyEpisodeRef: 'P-E1', occurredAt: '2026-09-07T13:00:00Z' }),
      ev({ kind: 'RETURNED', agencyChildRef: 'P-1', agencyEpisodeRef: 'P-E1', occurredAt: '2026-09-08T08:00:00Z', riskGrade: undefined }),
      ev({ agencyChildRef: 'P-1', agencyEpisodeRef: 'P-E2', occurredAt: '2026-11-02T20:00:00Z', child: moved }),
    ]);
    const rows = await episodes();
    expect(rows.map((e) => [e.started, e.setting, e.la_code])).toEqual([
      ['2026-09-07T09:00:00.000', 'HOME', 'E09000033'],
      ['2026-11-02T20:00:00.000', 'HOME', 'E08000025'],
    ]);
    expect(rows[0].ended).toBe('2026-09-08T08:00:00.000');
    expect(await q("SELECT implied_end FROM agency_episode WHERE agency_episode_ref = 'S-E1'")).toEqual([{ implied_end: 'CO_REPORT' }]);
  });

  it('closes an episode with a return after the 18th birthday, and ends one still open at 00:00 London time on it', async () => {
    const seventeen = { ...child, dateOfBirth: '2008-10-20' };
    await harness.apply([
      ev({ agencyChildRef: 'P-1', agencyEpisodeRef: 'P-E1', occurredAt: '2026-10-10T20:00:00Z', child: seventeen }),
      ev({ kind: 'RETURNED', agencyChildRef: 'P-1', agencyEpisodeRef: 'P-E1', occurredAt: '2026-10-25T08:00:00Z', child: {}, riskGrade: undefined }),
      ev({
        agencyChildRef: 'P-9',
        agencyEpisodeRef: 'P-E9',
        occurredAt: '2026-10-10T20:00:00Z',
        child: { ...seventeen, nhsNumber: '6541003238', givenName: 'BEN' },
      }),
    ]);
    expect((await episodes()).map((e) => e.ended)).toEqual(['2026-10-25T08:00:00.000', '2026-10-19T23:00:00.000']);
    expect(await q("SELECT implied_end FROM agency_episode WHERE agency_episode_ref = 'P-E9'")).toEqual([{ implied_end: 'AGED_18' }]);
  });
});
