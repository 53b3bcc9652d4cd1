import { dataSourceOptions } from '@mcm/persistence';
import { normaliseEvent } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { createBatchAggregator } from '../apps/aggregator/src/aggregation/create-batch-aggregator';
import { generateScenario } from '../tools/simulator/src';
import { IsolatedPipeline } from '../tools/harness/src';
import { TEST_SECRETS } from './support/test-secrets';

/** The analyst query API over simulated figures: grouping, months, comparisons, CSV, validation. */
describe('GET /v1/incidence (running api)', () => {
  const pipeline = new IsolatedPipeline('test', { RATE_LIMIT_PER_MINUTE: '100000' });
  const scenario = generateScenario({ seed: 41, children: 400, days: 120, now: new Date('2026-11-20T12:00:00Z') });
  let dataSource: DataSource;
  let token: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = async (response: Response): Promise<any> => response.json();
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${pipeline.apiPort}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  beforeAll(async () => {
    await pipeline.start(['api']);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    const events = scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!));
    await createBatchAggregator(dataSource, TEST_SECRETS).apply(events.map((event, i) => ({ event, partition: 0, offset: String(i) })));
    token = await pipeline.token('statistician');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await pipeline.stop();
  });

  it('agrees with the weekly table for England, week by week', async () => {
    const [mine, weekly] = await Promise.all([
      get('/v1/incidence?from=2026-W30&to=2026-W46').then(json),
      get('/v1/incidence/weekly?from=2026-W30&to=2026-W46').then(json),
    ]);
    const byWeek = new Map(mine.rows.map((r: { period: string }) => [r.period, r]));
    for (const w of weekly.weeks) {
      expect([w.week, (byWeek.get(w.week) as { children?: number })?.children ?? 0]).toEqual([w.week, w.children]);
    }
  });

  it('groups by setting and age band, counts distinct children per month, and compares with the previous period', async () => {
    const body = await get('/v1/incidence?from=2026-09&to=2026-10&granularity=month&groupBy=setting,ageBand&compare=previous-period').then(json);
    expect(body.rows.length).toBeGreaterThan(0);
    for (const row of body.rows) {
      expect(['2026-09', '2026-10']).toContain(row.period);
      expect(Object.keys(row.groups).sort()).toEqual(['ageBand', 'setting']);
      expect(row.previous.period).toBe(row.period === '2026-09' ? '2026-07' : '2026-08');
    }
    const total = await get('/v1/incidence?from=2026-10&to=2026-10&granularity=month').then(json);
    const episodes = body.rows.filter((r: { period: string }) => r.period === '2026-10').reduce((n: number, r: { episodesStarted: number }) => n + r.episodesStarted, 0);
    expect(episodes).toBe(total.rows[0].episodesStarted);
    // A child can be in two groups in a month, never fewer children in total than in any group.
    for (const r of body.rows.filter((x: { period: string }) => x.period === '2026-10')) expect(r.children).toBeLessThanOrEqual(total.rows[0].children);
  });

  it('serves the same figures as CSV, by suffix or by Accept header', async () => {
    const path = '/v1/incidence?from=2026-W40&to=2026-W44&groupBy=setting';
    const expected = await get(path).then(json);
    for (const response of [await get(path.replace('/v1/incidence?', '/v1/incidence.csv?')), await get(path, { accept: 'text/csv' })]) {
      expect(response.headers.get('content-type')).toContain('text/csv');
      const [header, ...lines] = (await response.text()).trim().split('\n');
      expect(header).toBe('period,period_start,setting,children_count,episodes_started_count');
      expect(lines.map((l) => l.split(','))).toEqual(expected.rows.map((r: { period: string; periodStart: string; groups: { setting: string }; children: number; episodesStarted: number }) =>
        [r.period, r.periodStart, r.groups.setting, String(r.children), String(r.episodesStarted)]));
    }
    const weekly = await get('/v1/incidence/weekly.csv?from=2026-W40&to=2026-W41&setting=CARE');
    expect((await weekly.text()).split('\n')[0]).toBe('week,week_commencing,setting,area_code,area_name,children_count,episodes_started_count,episodes_ended_count,open_at_week_end_count');
  });

  it('names the parameter and what was expected when a query is wrong', async () => {
    for (const [query, path] of [['groupBy=colour', 'groupBy'], ['granularity=day', 'granularity'], ['la=E23000001', 'la'], ['from=2026-13', 'from']] as const) {
      const response = await get(`/v1/incidence?from=2026-01&to=2026-02&${query}`.replace('from=2026-01&to=2026-02&from=2026-13', 'from=2026-13&to=2026-02'));
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('protects small local counts for analysts', async () => {
    const analyst = await pipeline.token('analyst');
    const body = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/incidence?from=2026-W40&to=2026-W44&groupBy=la`, { headers: { authorization: `Bearer ${analyst}` } }).then(json);
    const values = body.rows.flatMap((r: { children: unknown; episodesStarted: unknown }) => [r.children, r.episodesStarted]);
    expect(values.some((v: unknown) => v === 'c')).toBe(true);
    for (const v of values) expect(v === 'c' || (typeof v === 'number' && (v === 0 || v > 4))).toBe(true);
  });
});
