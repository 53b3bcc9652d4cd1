import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WeeklyIncidenceRepository } from '@mcm/persistence';
import { AgencyEvent, normaliseEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { generateScenario } from '../tools/simulator/src';
import { AggregatorHarness } from './support/aggregator-harness';

/**
 * Retention of identifying data (`npm run retention`, the aggregator's daily job) on a real
 * database filled by the real aggregator: it deletes the identity rows of exactly the children
 * dormant for RETENTION_MONTHS, leaves every figure as it was, changes nothing in a dry run, does
 * nothing the second time, and a purged child's agency sending again changes no published figure.
 */
const CLI = join(__dirname, '..', 'dist', 'tools', 'retention', 'src', 'main.js');
const NOW = '2026-11-16T03:00:00Z';
const CUTOFF = Date.parse('2024-11-16T03:00:00Z'); // 24 months before NOW

const police = { type: 'POLICE' as const, code: 'E23000001' };
const council = { type: 'LOCAL_AUTHORITY' as const, code: 'E09000033' };
const ev = (over: Partial<AgencyEvent>): AgencyEvent =>
  normaliseEvent(aMissingReport({ eventId: randomUUID(), reportedAt: over.occurredAt, ...over }));
const child = (nhsNumber: string, givenName: string) => ({
  nhsNumber,
  givenName,
  familyName: 'RETAIN',
  dateOfBirth: '2011-03-02',
  responsibleLaCode: 'E09000033',
  sex: 'F' as const,
  ethnicity: 'WBRI' as const,
});

// Valid NHS numbers (Modulus 11), one per hand-made child.
const [A, B, C, D, E, F] = [
  child('9434765919', 'ALBA'),
  child('6541003238', 'BRAM'),
  child('6716689966', 'CORA'),
  child('4010232137', 'DARA'),
  child('9990000018', 'EDIE'),
  child('4857773457', 'FINN'),
];

const handMade: AgencyEvent[] = [
  // A: police and council, one national child, everything closed in 2023: purged, both records.
  ev({ agency: police, agencyChildRef: 'RET-A', agencyEpisodeRef: 'RET-A-1', occurredAt: '2023-03-01T20:00:00Z', child: A }),
  ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'RET-A', agencyEpisodeRef: 'RET-A-1', occurredAt: '2023-03-02T08:00:00Z', child: {} }),
  ev({
    setting: 'CARE',
    careMissingType: 'M',
    agency: council,
    agencyChildRef: 'RET-LA-A',
    agencyEpisodeRef: 'RET-LA-A-1',
    occurredAt: '2023-03-01T21:00:00Z',
    child: { nhsNumber: A.nhsNumber, responsibleLaCode: 'E09000033' },
  }),
  ev({
    kind: 'RETURNED',
    setting: 'CARE',
    agency: council,
    agencyChildRef: 'RET-LA-A',
    agencyEpisodeRef: 'RET-LA-A-1',
    occurredAt: '2023-03-03T10:00:00Z',
    child: {},
  }),
  // B: the police record alone is old, but the council's record of the same child is recent: kept, both.
  ev({ agency: police, agencyChildRef: 'RET-B', agencyEpisodeRef: 'RET-B-1', occurredAt: '2023-05-01T20:00:00Z', child: B }),
  ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'RET-B', agencyEpisodeRef: 'RET-B-1', occurredAt: '2023-05-02T08:00:00Z', child: {} }),
  ev({
    setting: 'CARE',
    careMissingType: 'M',
    agency: council,
    agencyChildRef: 'RET-LA-B',
    agencyEpisodeRef: 'RET-LA-B-1',
    occurredAt: '2026-09-01T21:00:00Z',
    child: { nhsNumber: B.nhsNumber },
  }),
  ev({
    kind: 'RETURNED',
    setting: 'CARE',
    agency: council,
    agencyChildRef: 'RET-LA-B',
    agencyEpisodeRef: 'RET-LA-B-1',
    occurredAt: '2026-09-02T10:00:00Z',
    child: {},
  }),
  // C: missing since 2023 and never found: kept.
  ev({ agency: police, agencyChildRef: 'RET-C', agencyEpisodeRef: 'RET-C-1', occurredAt: '2023-06-01T20:00:00Z', child: C }),
  // D: closed in 2023, but corrected in 2025 (reported within the period): kept.
  ev({ agency: police, agencyChildRef: 'RET-D', agencyEpisodeRef: 'RET-D-1', occurredAt: '2023-07-01T20:00:00Z', child: D }),
  ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'RET-D', agencyEpisodeRef: 'RET-D-1', occurredAt: '2023-07-02T08:00:00Z', child: {} }),
  ev({
    kind: 'EPISODE_CORRECTED',
    agency: police,
    agencyChildRef: 'RET-D',
    agencyEpisodeRef: 'RET-D-1',
    occurredAt: '2025-02-01T10:00:00Z',
    correction: { riskGrade: 'HIGH' },
    child: {},
  }),
  // E: closed just after the cutoff: kept.
  ev({
    agency: police,
    agencyChildRef: 'RET-E',
    agencyEpisodeRef: 'RET-E-1',
    occurredAt: '2024-11-15T20:00:00Z',
    reportedAt: '2024-11-15T21:00:00Z',
    child: E,
  }),
  ev({
    kind: 'RETURNED',
    agency: police,
    agencyChildRef: 'RET-E',
    agencyEpisodeRef: 'RET-E-1',
    occurredAt: '2024-11-16T08:00:00Z',
    reportedAt: '2024-11-16T02:00:00Z',
    child: {},
  }),
  // F: a report withdrawn in 2023 (and one closed episode): purged.
  ev({ agency: police, agencyChildRef: 'RET-F', agencyEpisodeRef: 'RET-F-1', occurredAt: '2023-08-01T20:00:00Z', child: F }),
  ev({
    kind: 'REPORT_WITHDRAWN',
    agency: police,
    agencyChildRef: 'RET-F',
    agencyEpisodeRef: 'RET-F-1',
    occurredAt: '2023-08-01T22:00:00Z',
    child: {},
  }),
  ev({ agency: police, agencyChildRef: 'RET-F', agencyEpisodeRef: 'RET-F-2', occurredAt: '2023-09-01T20:00:00Z', child: F }),
  ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'RET-F', agencyEpisodeRef: 'RET-F-2', occurredAt: '2023-09-03T08:00:00Z', child: {} }),
];

/** Every row of a table as text, minus the columns named (processing times), in a stable order. */
const TABLE_ROWS = `SELECT (to_jsonb(t) - $1::text[])::text AS row FROM %I t ORDER BY 1`;

describe('retention of identifying data (real database, real aggregator, the CLI)', () => {
  const harness = new AggregatorHarness();
  // About two and a half years of simulated traffic ending shortly before NOW: merges,
  // corrections, withdrawals, late events, several agencies per child.
  const scenario = generateScenario({ seed: 41, children: 250, days: 900, now: new Date('2026-11-01T00:00:00Z') });
  const q = <T>(sql: string, params: unknown[] = []) => harness.dataSource.query(sql, params) as Promise<T[]>;
  const rows = async (table: string, without: string[] = []) =>
    (await q<{ row: string }>(TABLE_ROWS.replace('%I', table), [without])).map((r) => r.row);

  const figures = async () => ({
    weekly_incidence: await rows('weekly_incidence', ['updated_at']),
    weekly_breakdown: await rows('weekly_breakdown', ['updated_at']),
    national_episode: await rows('national_episode'),
    national_child: await rows('national_child'),
    agency_episode: await rows('agency_episode', ['agency_episode_ref']),
    linkage: await rows('agency_child', ['agency_child_ref']),
    child_link_change: await rows('child_link_change'),
    agency_activity: await rows('agency_activity'),
    incidence_revision: await rows('incidence_revision'),
    bulletin: await rows('bulletin'),
    pipeline_state: await rows('pipeline_state'),
  });
  const identities = async () => ({
    observations: await q<{ code: string; ref: string; event_id: string }>(
      'SELECT agency_code AS code, agency_child_ref AS ref, event_id FROM child_identity_observation ORDER BY event_id',
    ),
    profiles: (await q<{ id: string }>('SELECT agency_child_id AS id FROM agency_child_profile ORDER BY 1')).map((r) => Number(r.id)),
    linkKeys: (
      await q<{ id: string; key: string }>("SELECT agency_child_id AS id, encode(key_hash, 'hex') AS key FROM child_link_key ORDER BY 1, 2")
    ).map((r) => `${r.id}:${r.key}`),
    events: await rows('agency_event', ['received_at']),
    register: await rows('agency_child'),
  });
  const runCli = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)('node', [CLI, '--now', NOW, ...args], {
      env: { ...process.env, DATABASE_URL: harness.db.serviceUrl('aggregator'), RETENTION_MONTHS: '24', NODE_ENV: 'test' },
    });
    return stdout.trim().split('\n');
  };

  /**
   * The rule, worked out independently of the SQL: a national child is dormant when none of its
   * agency children's episodes is open (no end, not withdrawn), none started or ended on or after
   * the cutoff, and no event of them was reported on or after it; all its agency children go.
   */
  const expectedPurge = async (): Promise<Map<number, { code: string; ref: string }>> => {
    const children = await q<{ id: string; national_child_id: string; agency_code: string; agency_child_ref: string }>(
      'SELECT id, national_child_id, agency_code, agency_child_ref FROM agency_child',
    );
    const episodes = await q<{ agency_child_id: string; status: string; started: number | null; ended: number | null; code: string; ref: string }>(
      `SELECT agency_child_id, status, extract(epoch FROM started_at) * 1000 AS started, extract(epoch FROM ended_at) * 1000 AS ended,
              agency_code AS code, agency_episode_ref AS ref FROM agency_episode`,
    );
    const reported = new Map(
      (
        await q<{ code: string; ref: string; last: number }>(
          'SELECT agency_code AS code, agency_episode_ref AS ref, max(extract(epoch FROM reported_at) * 1000) AS last FROM agency_event GROUP BY 1, 2',
        )
      ).map((r) => [`${r.code}|${r.ref}`, Number(r.last)]),
    );
    const nationalOf = new Map(children.map((c) => [Number(c.id), Number(c.national_child_id)]));
    const dormant = new Map<number, boolean>();
    const seen = new Set<number>();
    for (const e of episodes) {
      const national = nationalOf.get(Number(e.agency_child_id))!;
      seen.add(national);
      const open = e.ended === null && e.status !== 'WITHDRAWN';
      const recent = [e.started, e.ended, reported.get(`${e.code}|${e.ref}`) ?? null].some((t) => t !== null && Number(t) >= CUTOFF);
      dormant.set(national, (dormant.get(national) ?? true) && !open && !recent);
    }
    return new Map(
      children
        .filter((c) => seen.has(Number(c.national_child_id)) && dormant.get(Number(c.national_child_id)))
        .map((c) => [Number(c.id), { code: c.agency_code, ref: c.agency_child_ref }]),
    );
  };

  let before: Awaited<ReturnType<typeof figures>>;
  let identitiesBefore: Awaited<ReturnType<typeof identities>>;
  let purge: Map<number, { code: string; ref: string }>;
  let aNational: number;
  const idOf = async (code: string, ref: string) =>
    Number((await q<{ id: string }>('SELECT id FROM agency_child WHERE agency_code = $1 AND agency_child_ref = $2', [code, ref]))[0].id);

  beforeAll(async () => {
    await harness.start();
    const simulated = scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!));
    await harness.apply([...simulated, ...handMade], 700);
    before = await figures();
    identitiesBefore = await identities();
    purge = await expectedPurge();
    aNational = Number(
      (
        await q<{ n: string }>('SELECT national_child_id AS n FROM agency_child WHERE agency_code = $1 AND agency_child_ref = $2', [
          police.code,
          'RET-A',
        ])
      )[0].n,
    );
  });
  afterAll(() => harness.stop());

  it('has children on both sides of the cutoff to work on', async () => {
    expect(purge.size).toBeGreaterThan(20);
    expect((await q<{ n: string }>('SELECT count(*) AS n FROM agency_child'))[0].n).not.toBe(String(purge.size));
    const handIds = async (...refs: [string, string][]) => Promise.all(refs.map(([code, ref]) => idOf(code, ref)));
    const purged = await handIds([police.code, 'RET-A'], [council.code, 'RET-LA-A'], [police.code, 'RET-F']);
    const kept = await handIds(
      [police.code, 'RET-B'],
      [council.code, 'RET-LA-B'],
      [police.code, 'RET-C'],
      [police.code, 'RET-D'],
      [police.code, 'RET-E'],
    );
    expect(purged.filter((id) => purge.has(id))).toEqual(purged);
    expect(kept.filter((id) => purge.has(id))).toEqual([]);
  });

  it('dry run: counts exactly the eligible children and changes nothing', async () => {
    const out = await runCli('--dry-run');
    expect(out[out.length - 1]).toBe(`RETENTION children_purged=${purge.size}`);
    expect(await figures()).toEqual(before);
    expect(await identities()).toEqual(identitiesBefore);
  });

  it('deletes the identity rows of exactly the eligible children and leaves every figure identical', async () => {
    const out = await runCli();
    expect(out[out.length - 1]).toBe(`RETENTION children_purged=${purge.size}`);
    expect(await figures()).toEqual(before);

    const after = await identities();
    const purgedRefs = new Set([...purge.values()].map((c) => `${c.code}|${c.ref}`));
    expect(after.observations).toEqual(identitiesBefore.observations.filter((o) => !purgedRefs.has(`${o.code}|${o.ref}`)));
    expect(after.observations.length).toBeLessThan(identitiesBefore.observations.length);
    expect(after.profiles).toEqual(identitiesBefore.profiles.filter((id) => !purge.has(id)));
    expect(after.linkKeys).toEqual(identitiesBefore.linkKeys.filter((k) => !purge.has(Number(k.split(':')[0]))));
    // The agency's references of purged children are gone too: from the register, episodes and events.
    const left = await q<{ n: string }>(
      `SELECT count(*) AS n FROM agency_child c JOIN unnest($1::text[], $2::text[]) AS t(code, ref) ON c.agency_code = t.code AND c.agency_child_ref = t.ref`,
      [[...purge.values()].map((c) => c.code), [...purge.values()].map((c) => c.ref)],
    );
    expect(Number(left[0].n)).toBe(0);
    const marked = await q<{ id: string }>(`SELECT id FROM agency_child WHERE agency_child_ref LIKE '~%' ORDER BY id`);
    expect(marked.map((r) => Number(r.id))).toEqual([...purge.keys()].sort((a, b) => a - b));
    const unmarkedEpisodes = await q<{ n: string }>(
      `SELECT count(*) AS n FROM agency_episode WHERE agency_child_id = ANY($1::bigint[]) AND agency_episode_ref NOT LIKE '~%'`,
      [[...purge.keys()]],
    );
    expect(Number(unmarkedEpisodes[0].n)).toBe(0);
    const events = await q<{ n: string }>(`SELECT count(*) AS n FROM agency_event WHERE agency_child_ref LIKE '~%'`);
    expect(Number(events[0].n)).toBeGreaterThan(0);
    expect(await harness.wholeIncidence()).toEqual(await harness.rebuiltIncidence());
  });

  it('is idempotent: a second run purges nobody and changes nothing', async () => {
    const figuresNow = await figures();
    const identitiesNow = await identities();
    const out = await runCli();
    expect(out[out.length - 1]).toBe('RETENTION children_purged=0');
    expect(await figures()).toEqual(figuresNow);
    expect(await identities()).toEqual(identitiesNow);
  });

  it("a purged child's agency sending again changes no figure already there: a new episode is a new record, a correction of old history is not applied", async () => {
    const oldNational = aNational;
    const oldEpisodes = await q<{ row: string }>('SELECT to_jsonb(e)::text AS row FROM national_episode e WHERE national_child_id = $1 ORDER BY 1', [
      oldNational,
    ]);
    const incidenceBefore = await rows('weekly_incidence', ['updated_at']);
    // The week of the latest report so far: later rows may already exist (an episode open at 18 ends
    // on the birthday, in a week to come) and may change as the horizon moves over them.
    const horizonBefore = (await new WeeklyIncidenceRepository().horizonWeek(harness.dataSource.manager))!;

    await harness.apply([
      // A correction and a late return for the purged episode, restating the child.
      ev({
        kind: 'EPISODE_CORRECTED',
        agency: police,
        agencyChildRef: 'RET-A',
        agencyEpisodeRef: 'RET-A-1',
        occurredAt: '2026-11-10T10:00:00Z',
        correction: { missingFrom: '2023-02-27T20:00:00Z' },
        child: A,
      }),
      ev({
        kind: 'RETURNED',
        agency: council,
        agencyChildRef: 'RET-LA-A',
        agencyEpisodeRef: 'RET-LA-A-1',
        occurredAt: '2023-03-04T10:00:00Z',
        reportedAt: '2026-11-10T11:00:00Z',
        child: { nhsNumber: A.nhsNumber },
      }),
      // And a new episode: the child went missing again.
      ev({ agency: police, agencyChildRef: 'RET-A', agencyEpisodeRef: 'RET-A-9', occurredAt: '2026-11-11T20:00:00Z', child: A }),
      ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'RET-A', agencyEpisodeRef: 'RET-A-9', occurredAt: '2026-11-12T08:00:00Z', child: {} }),
    ]);

    // The purged history stays exactly as counted, in its own national child.
    expect(
      await q<{ row: string }>('SELECT to_jsonb(e)::text AS row FROM national_episode e WHERE national_child_id = $1 ORDER BY 1', [oldNational]),
    ).toEqual(oldEpisodes);
    const returning = await q<{ national_child_id: string }>(
      'SELECT national_child_id FROM agency_child WHERE agency_code = $1 AND agency_child_ref = $2',
      [police.code, 'RET-A'],
    );
    expect(returning).toHaveLength(1);
    expect(Number(returning[0].national_child_id)).not.toBe(oldNational);
    // The new episode counts once, for a new national child; the correction and the late return
    // of the purged episode count nowhere.
    const counted = await q<{ started_at: string }>('SELECT started_at::text FROM national_episode WHERE national_child_id = $1', [
      Number(returning[0].national_child_id),
    ]);
    expect(counted).toHaveLength(1);
    expect(Date.parse(counted[0].started_at)).toBe(Date.parse('2026-11-11T20:00:00Z'));
    // Every week up to the old horizon is as it was (the horizon moved on: later weeks gain figures).
    const weekOf = (row: string) => (JSON.parse(row) as { week_start: string }).week_start;
    const upToHorizon = (all: string[]) => all.filter((r) => weekOf(r) <= horizonBefore);
    const incidenceAfter = await rows('weekly_incidence', ['updated_at']);
    expect(upToHorizon(incidenceBefore).length).toBeGreaterThan(0);
    expect(upToHorizon(incidenceAfter)).toEqual(upToHorizon(incidenceBefore));
    expect(await harness.wholeIncidence()).toEqual(await harness.rebuiltIncidence());
  });
});
