import { computeExpected, generateScenario, Scenario } from '../tools/simulator/src';
import { DETERMINISTIC_LINKAGE, IsolatedPipeline, waitFor } from '../tools/harness/src';
import { readIncidence, snapshot, sortRows } from './support/incidence';

const records = (scenario: Scenario) => scenario.events.map((e) => ({ as: e.publisher, key: e.key, value: e.bytes, headers: { ...e.headers } }));

/**
 * Simulated agency streams through the running services (real broker, real database): the
 * figures must equal the simulator's ground truth, replays and duplicates must change nothing.
 */
describe('pipeline against the simulator ground truth', () => {
  const pipeline = new IsolatedPipeline('test', DETERMINISTIC_LINKAGE);
  // Realistic identities: some agency records of one child cannot be linked deterministically.
  const scenario = generateScenario({ seed: 11, children: 600, days: 150, now: new Date() });
  const expected = computeExpected(scenario.events);

  beforeAll(async () => {
    await pipeline.start();
    await pipeline.publish(records(scenario));
    await pipeline.waitUntilProcessed();
  });
  afterAll(() => pipeline.stop());

  it('stores every valid event once and dead-letters every invalid one', async () => {
    const valid = new Set(scenario.events.filter((e) => e.valid).map((e) => e.eventId.toLowerCase()));
    const [{ n }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM agency_event');
    expect(Number(n)).toBe(valid.size);
    const rejected = await pipeline.readRejections();
    expect(rejected).toHaveLength(scenario.events.filter((e) => !e.valid).length);
  });

  it('has exactly the weekly figures the ground truth expects under deterministic linkage', async () => {
    expect(await readIncidence(pipeline.db)).toEqual(sortRows(expected.deterministic));
  });

  it('states how far deterministic linkage is from the truth: never fewer children, the same episodes where linked', () => {
    const total = (rows: typeof expected.truth, field: 'children' | 'episodesStarted') =>
      rows.filter((r) => r.setting === 'ALL' && r.la === 'ALL').reduce((sum, r) => sum + r[field], 0);
    expect(total(expected.deterministic, 'children')).toBeGreaterThanOrEqual(total(expected.truth, 'children'));
    expect(total(expected.deterministic, 'episodesStarted')).toBeGreaterThanOrEqual(total(expected.truth, 'episodesStarted'));
    // Unlinked duplicates are a minority, not the norm: within 25% of the truth.
    expect(total(expected.deterministic, 'children')).toBeLessThan(total(expected.truth, 'children') * 1.25);
  });

  it('serves the same figures through the API', async () => {
    const weeks = [...new Set(expected.deterministic.map((r) => r.weekCommencing))].sort();
    for (const setting of ['ALL', 'HOME', 'CARE', 'EDUCATION']) {
      const { status, body } = await pipeline.api(`/v1/incidence/weekly?from=${weeks[0]}&to=${weeks[weeks.length - 1]}&setting=${setting}`);
      expect(status).toBe(200);
      const want = new Map(expected.deterministic.filter((r) => r.setting === setting && r.la === 'ALL').map((r) => [r.weekCommencing, r]));
      for (const week of body.weeks) {
        const row = want.get(week.weekCommencing);
        expect([week.weekCommencing, week.children, week.episodesStarted, week.episodesOpenAtWeekEnd]).toEqual([
          week.weekCommencing,
          row?.children ?? 0,
          row?.episodesStarted ?? 0,
          row?.openAtWeekEnd ?? 0,
        ]);
      }
    }
    const busiest = expected.deterministic
      .filter((r) => r.la !== 'ALL' && r.la !== 'UNKNOWN' && r.setting === 'ALL')
      .sort((a, b) => b.children - a.children)[0];
    const { body } = await pipeline.api(`/v1/incidence/weekly?from=${busiest.weekCommencing}&to=${busiest.weekCommencing}&la=${busiest.la}`);
    expect(body.weeks[0]).toMatchObject({
      children: busiest.children,
      episodesStarted: busiest.episodesStarted,
      episodesOpenAtWeekEnd: busiest.openAtWeekEnd,
    });
  });

  it('is unchanged by duplicate deliveries and by a full replay of the accepted topic from offset 0', async () => {
    const before = await snapshot(pipeline.db);
    await pipeline.publish(records(scenario).slice(0, 2000));
    await pipeline.waitUntilProcessed();
    await pipeline.service('aggregator').kill('SIGTERM');
    const groupId = pipeline.group('aggregator');
    await waitFor('the group to be empty', () => pipeline.resetGroupToStart(groupId, pipeline.topics.accepted).then(() => true), 60_000, 1000);
    expect(await pipeline.caughtUp(groupId, pipeline.topics.accepted)).toBe(false);
    await pipeline.startService('aggregator');
    await pipeline.waitUntilProcessed();
    expect(await snapshot(pipeline.db)).toEqual(before);
  });
});

describe('pipeline surviving a SIGKILL of the aggregator mid-stream', () => {
  const pipeline = new IsolatedPipeline('test', DETERMINISTIC_LINKAGE);
  const scenario = generateScenario({ seed: 12, children: 2500, days: 200, now: new Date() });
  const expected = computeExpected(scenario.events);
  beforeAll(() => pipeline.start(['ingest', 'aggregator']));
  afterAll(() => pipeline.stop());

  it('loses nothing and counts nothing twice', async () => {
    const valid = scenario.events.filter((e) => e.valid).length;
    await pipeline.publish(records(scenario));
    await waitFor(
      'a third of the stream to be aggregated',
      async () => {
        const [{ n }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM agency_event');
        return Number(n) > valid / 3 && Number(n) < valid;
      },
      120_000,
      20,
    );
    await pipeline.service('aggregator').kill('SIGKILL');
    const [{ n: atKill }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM agency_event');
    expect(Number(atKill)).toBeLessThan(valid);
    await pipeline.startService('aggregator');
    await pipeline.waitUntilProcessed();
    const [{ n }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM agency_event');
    expect(Number(n)).toBe(valid);
    expect(await readIncidence(pipeline.db)).toEqual(sortRows(expected.deterministic));
  });
});
