import { DataSource, dataSourceOptions } from '@mcm/persistence';
import { isoWeekLabel, normaliseEvent, weekCommencing } from '@mcm/shared';
import { createBatchAggregator } from '../apps/aggregator/src';
import { generateScenario } from '../tools/simulator/src';
import { IsolatedPipeline } from '../tools/harness/src';
import { TEST_SECRETS } from './support/test-secrets';

/** The analyst query API over simulated figures: grouping, months, comparisons, CSV, validation. */
describe('GET /v1/incidence (running api)', () => {
  const pipeline = new IsolatedPipeline('test', { RATE_LIMIT_PER_MINUTE: '100000' });
  const scenario = generateScenario({ seed: 41, children: 400, days: 120, now: new Date('2026-11-20T12:00:00Z') });
  let dataSource: DataSource;
  let token: string;

  const json = async (response: Response): Promise<any> => response.json();
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${pipeline.apiPort}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  beforeAll(async () => {
    await pipeline.start(['api']);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    const events = scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!));
    const aggregator = createBatchAggregator(dataSource, TEST_SECRETS);
    await aggregator.apply(events.map((event, i) => ({ event, partition: 0, offset: String(i) })));
    await aggregator.refreshBreakdowns();
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
    const episodes = body.rows
      .filter((r: { period: string }) => r.period === '2026-10')
      .reduce((n: number, r: { episodesStarted: number }) => n + r.episodesStarted, 0);
    expect(episodes).toBe(total.rows[0].episodesStarted);
    // A child can be in two groups in a month, never fewer children in total than in any group.
    for (const r of body.rows.filter((x: { period: string }) => x.period === '2026-10'))
      expect(r.children).toBeLessThanOrEqual(total.rows[0].children);
  });

  it('shows care episodes by missing type, M and A apart, adding up to the CARE setting, and the same as the weekly breakdown', async () => {
    const [types, care, filtered] = await Promise.all([
      get('/v1/incidence?from=2026-W30&to=2026-W46&groupBy=careMissingType').then(json),
      get('/v1/incidence?from=2026-W30&to=2026-W46&setting=CARE').then(json),
      get('/v1/incidence?from=2026-W30&to=2026-W46&careMissingType=M,A,NOT_STATED').then(json),
    ]);
    const careRows = types.rows.filter((r: { groups: { careMissingType: string } }) => r.groups.careMissingType !== 'NOT_APPLICABLE');
    expect(new Set(careRows.map((r: { groups: { careMissingType: string } }) => r.groups.careMissingType))).toEqual(
      new Set(['M', 'A', 'NOT_STATED']),
    );
    const breakdown: { week: string; category: string; episodes: number }[] = await dataSource.query(
      `SELECT week_start::text AS week, category, episodes FROM weekly_breakdown WHERE dimension = 'care_missing_type' AND setting = 'CARE' AND area_code = 'ALL'`,
    );
    const label: Record<string, string> = {
      M: 'Missing (M)',
      A: 'Away from placement without authorisation (A)',
      NOT_STATED: 'Missing type not stated',
    };
    for (const week of care.rows) {
      const inWeek = careRows.filter((r: { period: string }) => r.period === week.period);
      // Exact figures (statistician): the types partition the CARE episodes.
      expect([week.period, inWeek.reduce((n: number, r: { episodesStarted: number }) => n + r.episodesStarted, 0)]).toEqual([
        week.period,
        week.episodesStarted,
      ]);
      expect(filtered.rows.find((r: { period: string }) => r.period === week.period)?.episodesStarted).toBe(week.episodesStarted);
      for (const r of inWeek) {
        const b = breakdown.find((x) => x.week === r.periodStart && x.category === label[r.groups.careMissingType]);
        expect([r.period, r.groups.careMissingType, r.episodesStarted]).toEqual([r.period, r.groups.careMissingType, b?.episodes]);
      }
    }
  });

  it('serves the same figures as CSV, by suffix or by Accept header', async () => {
    const path = '/v1/incidence?from=2026-W40&to=2026-W44&groupBy=setting';
    const expected = await get(path).then(json);
    for (const response of [await get(path.replace('/v1/incidence?', '/v1/incidence.csv?')), await get(path, { accept: 'text/csv' })]) {
      expect(response.headers.get('content-type')).toContain('text/csv');
      const [header, ...lines] = (await response.text()).trim().split('\n');
      expect(header).toBe('period,period_start,setting,children_count,episodes_started_count,revision_status');
      expect(lines.map((l) => l.split(','))).toEqual(
        expected.rows.map(
          (r: {
            period: string;
            periodStart: string;
            groups: { setting: string };
            children: number;
            episodesStarted: number;
            flag: string | null;
          }) => [r.period, r.periodStart, r.groups.setting, String(r.children), String(r.episodesStarted), r.flag ?? ''],
        ),
      );
    }
    const weekly = await get('/v1/incidence/weekly.csv?from=2026-W40&to=2026-W41&setting=CARE');
    expect((await weekly.text()).split('\n')[0]).toBe(
      'week,week_commencing,setting,area_code,area_name,children_count,episodes_started_count,episodes_ended_count,open_at_week_end_count,revision_status',
    );
  });

  it('ends by default at the last complete week, and marks a week in progress asked for explicitly p', async () => {
    const current = isoWeekLabel(weekCommencing(new Date()));
    const byDefault = await get('/v1/incidence/weekly').then(json);
    expect(byDefault.query.to).toBe(byDefault.lastCompleteWeek);
    expect(byDefault.query.to < current).toBe(true);
    expect(byDefault.weeks.every((w: { status: string }) => w.status === 'complete')).toBe(true);
    const now = await get(`/v1/incidence/weekly?from=${current}&to=${current}`).then(json);
    expect(now.weeks[0]).toMatchObject({ week: current, status: 'in-progress', flags: { children: 'p', episodesStarted: 'p', episodesEnded: 'p' } });
    // Weeks long complete carry no marker in the ad-hoc query either.
    const old = await get('/v1/incidence?from=2026-W40&to=2026-W44&groupBy=setting').then(json);
    expect(old.rows.length).toBeGreaterThan(0);
    expect(old.rows.every((r: { flag: string | null }) => r.flag === null)).toBe(true);
  });

  it('names the parameter and what was expected when a query is wrong', async () => {
    for (const [query, path] of [
      ['groupBy=colour', 'groupBy'],
      ['granularity=day', 'granularity'],
      ['la=E23000001', 'la'],
      ['from=2026-13', 'from'],
    ] as const) {
      const response = await get(
        `/v1/incidence?from=2026-01&to=2026-02&${query}`.replace('from=2026-01&to=2026-02&from=2026-13', 'from=2026-13&to=2026-02'),
      );
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  describe('as an analyst (cell-key method)', () => {
    let analyst: string;
    const asAnalyst = (path: string, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${pipeline.apiPort}${path}`, { headers: { authorization: `Bearer ${analyst}`, ...headers } });
    beforeAll(async () => {
      analyst = await pipeline.token('analyst');
    });

    it('never serves 1 to 4, at any level, and says how the figures are protected', async () => {
      let sawSmall = false;
      for (const path of [
        '/v1/incidence?from=2026-W30&to=2026-W46',
        '/v1/incidence?from=2026-W30&to=2026-W46&groupBy=setting',
        '/v1/incidence?from=2026-08&to=2026-10&granularity=month&groupBy=region',
        '/v1/incidence?from=2026-08&to=2026-10&granularity=month&groupBy=sex,ageBand&compare=previous-period',
      ]) {
        const [published, exact] = await Promise.all([asAnalyst(path).then(json), get(path).then(json)]);
        expect([path, published.disclosure.method, published.disclosure.ptable]).toEqual([path, 'cell-key', 'mcm-ptable-v1']);
        expect(published.disclosure.note).toMatch(/noise/);
        expect(exact.disclosure.method).toBe('none');
        expect(published.rows.length).toBe(exact.rows.length);
        for (const row of published.rows) {
          for (const v of [row.children, row.episodesStarted, row.previous?.children ?? 0, row.previous?.episodesStarted ?? 0])
            expect(v >= 1 && v <= 4).toBe(false);
        }
        sawSmall ||= exact.rows.some((r: { children: number; episodesStarted: number }) =>
          [r.children, r.episodesStarted].some((v) => v >= 1 && v <= 4),
        );
      }
      expect(sawSmall).toBe(true);
    });

    it('publishes the same cell the same through /v1/incidence/weekly, /v1/incidence, groupings and CSV', async () => {
      const weekly = await asAnalyst('/v1/incidence/weekly?from=2026-W38&to=2026-W44&setting=CARE').then(json);
      const filtered = await asAnalyst('/v1/incidence?from=2026-W38&to=2026-W44&setting=CARE').then(json);
      const grouped = await asAnalyst('/v1/incidence?from=2026-W38&to=2026-W44&groupBy=setting').then(json);
      const regrouped = await asAnalyst('/v1/incidence?from=2026-W38&to=2026-W44&groupBy=setting&setting=CARE,HOME').then(json);
      const csv = (await asAnalyst('/v1/incidence.csv?from=2026-W38&to=2026-W44&groupBy=setting').then((r) => r.text()))
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const weeklyCsv = (await asAnalyst('/v1/incidence/weekly.csv?from=2026-W38&to=2026-W44&setting=CARE').then((r) => r.text()))
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const exact = await get('/v1/incidence/weekly?from=2026-W38&to=2026-W44&setting=CARE').then(json);
      let perturbed = 0;
      weekly.weeks.forEach((w: { week: string; children: number; episodesStarted: number }, i: number) => {
        const care = (rows: { period: string; groups: { setting?: string } }[]) =>
          rows.find((r) => r.period === w.week && (r.groups.setting ?? 'CARE') === 'CARE') as
            { children: number; episodesStarted: number } | undefined;
        for (const row of [care(filtered.rows), care(grouped.rows), care(regrouped.rows)]) {
          expect([w.week, row?.children ?? 0, row?.episodesStarted ?? 0]).toEqual([w.week, w.children, w.episodesStarted]);
        }
        const line = csv.find((l) => l[0] === w.week && l[2] === 'CARE');
        expect([w.week, Number(line?.[3] ?? 0), Number(line?.[4] ?? 0)]).toEqual([w.week, w.children, w.episodesStarted]);
        expect([w.week, Number(weeklyCsv[i][5]), Number(weeklyCsv[i][6])]).toEqual([w.week, w.children, w.episodesStarted]);
        if (w.children !== exact.weeks[i].children || w.episodesStarted !== exact.weeks[i].episodesStarted) perturbed += 1;
        // England's totals stay within 2 of the truth.
        expect(Math.abs(w.episodesStarted - exact.weeks[i].episodesStarted)).toBeLessThanOrEqual(2);
      });
      expect(perturbed).toBeGreaterThan(0);
    });

    it('refuses a query crossing too many dimensions (2 below national level, 3 for England), as problem details', async () => {
      for (const query of [
        'groupBy=la,setting&sex=F',
        'groupBy=region,setting,sex',
        'groupBy=sex,ageBand,riskGrade&ethnicityGroup=Asian',
        'region=E12000007&groupBy=setting,sex',
      ]) {
        const response = await asAnalyst(`/v1/incidence?from=2026-10&to=2026-10&granularity=month&${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        const body = await json(response);
        expect(body.errors[0]).toMatchObject({ path: 'groupBy', code: 'TOO_MANY_DIMENSIONS' });
      }
      // The statistician's exact tables are not refused; the same shape one dimension fewer is served to analysts.
      expect((await get('/v1/incidence?from=2026-10&to=2026-10&granularity=month&groupBy=region,setting,sex')).status).toBe(200);
      for (const query of ['groupBy=sex,ageBand,riskGrade', 'groupBy=setting&region=E12000007', 'groupBy=la&setting=CARE']) {
        const response = await asAnalyst(`/v1/incidence?from=2026-08&to=2026-10&granularity=month&${query}`);
        const body = await json(response);
        // Within the cap: served, or refused only as too sparse for this small simulation.
        expect([query, response.status === 200 || body.errors[0].code === 'TOO_SPARSE']).toEqual([query, true]);
      }
    });

    it('refuses a table too sparse to publish, without revealing any value', async () => {
      const path = '/v1/incidence?from=2026-W40&to=2026-W44&groupBy=la,setting';
      const exact = await get(path).then(json);
      const values = exact.rows
        .flatMap((r: { children: number; episodesStarted: number }) => [r.children, r.episodesStarted])
        .filter((v: number) => v > 0);
      expect(values.filter((v: number) => v <= 4).length / values.length).toBeGreaterThan(0.5);
      for (const response of [await asAnalyst(path), await asAnalyst(path.replace('/v1/incidence?', '/v1/incidence.csv?'))]) {
        expect(response.status).toBe(400);
        const body = await json(response);
        expect(body.errors[0]).toMatchObject({ path: 'groupBy', code: 'TOO_SPARSE' });
        expect(JSON.stringify(body.errors)).not.toMatch(/\d/);
      }
    });
  });
});
