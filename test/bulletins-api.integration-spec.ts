import { randomUUID } from 'node:crypto';
import { perturb } from '@mcm/disclosure';
import { adminKafka, ensureTopics, KafkaPublisher, topicSpecs } from '@mcm/kafka';
import { DataSource, dataSourceOptions, StatisticsFiguresRepository } from '@mcm/persistence';
import { isoWeekLabel, normaliseEvent, weekCommencing } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { BulletinService, createBatchAggregator } from '../apps/aggregator/src';
import { DETERMINISTIC_LINKAGE, harnessEnv, IsolatedPipeline } from '../tools/harness/src';
import { storedEditions } from './support/stored-bulletins';
import { TEST_SECRETS } from './support/test-secrets';

/**
 * The bulletin endpoints of the running API, over bulletins built from real figures: a provisional
 * edition while the agency has not reported past the week, the final one once it has, a revised one
 * after that, and the next week's revisions of LA and breakdown cells; the API's p/r flags.
 */
describe('GET /v1/bulletins (running api)', () => {
  const pipeline = new IsolatedPipeline('test', DETERMINISTIC_LINKAGE);
  let dataSource: DataSource;
  let bulletins: BulletinService;
  const publisher = new KafkaPublisher(adminKafka('test-bulletins-api', harnessEnv()));
  let offset = 100;
  const apply = (events: ReturnType<typeof normaliseEvent>[]) =>
    createBatchAggregator(dataSource, TEST_SECRETS).apply(events.map((event) => ({ event, partition: 0, offset: String(offset++) })));
  /** Children reported missing in week 2026-W47 by the same police force, reported at `reportedAt`. */
  const children = (prefix: string, n: number, la: string, occurredAt: string, reportedAt: string) =>
    Array.from({ length: n }, (_, i) =>
      normaliseEvent(
        aMissingReport({
          eventId: randomUUID(),
          agencyChildRef: `${prefix}-${i}`,
          agencyEpisodeRef: `${prefix}-E-${i}`,
          occurredAt,
          reportedAt,
          child: { givenName: `${prefix}${i}`, familyName: 'LATE', dateOfBirth: '2011-01-01', responsibleLaCode: la },
        }),
      ),
    );
  // The bulletin job's clock: the Tuesday after week 2026-W47, within its lateness allowance (7 days).
  const tuesday = new Date('2026-11-24T12:00:00Z');

  beforeAll(async () => {
    await pipeline.start(['api']);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    await ensureTopics(pipeline.kafka, topicSpecs(pipeline.topics));
    await publisher.connect();
    const events = Array.from({ length: 12 }, (_, i) =>
      normaliseEvent(
        aMissingReport({
          eventId: randomUUID(),
          agencyChildRef: `C-${i}`,
          agencyEpisodeRef: `E-${i}`,
          occurredAt: '2026-11-17T10:00:00Z',
          reportedAt: '2026-11-17T11:00:00Z',
          child: { givenName: `CHILD${i}`, familyName: 'TEST', dateOfBirth: '2012-01-01', responsibleLaCode: i < 9 ? 'E09000033' : 'E09000001' },
        }),
      ),
    );
    await createBatchAggregator(dataSource, TEST_SECRETS).apply(events.map((event, i) => ({ event, partition: 0, offset: String(i) })));
    bulletins = new BulletinService(dataSource, publisher, {
      silentDaysFlag: 14,
      methodologyUrl: '/m',
      contact: 't',
      topic: pipeline.topics.bulletins,
    });
    await bulletins.build('2026-11-16', tuesday);
  });
  const editions = () => storedEditions(dataSource, '2026-11-16');
  afterAll(async () => {
    await publisher.disconnect();
    await dataSource.destroy();
    await pipeline.stop();
  });

  it('lists the published weeks with links', async () => {
    const { status, body } = await pipeline.api('/v1/bulletins');
    expect(status).toBe(200);
    expect(body).toEqual([
      expect.objectContaining({
        week: '2026-W47',
        weekCommencing: '2026-11-16',
        revision: 0,
        links: expect.objectContaining({ html: '/v1/bulletins/2026-W47.html' }),
      }),
    ]);
  });

  it('publishes a provisional edition while an active agency has not reported past the week', async () => {
    // The force's latest report is 17 November: before the week's end (Monday 23 November 00:00).
    expect(await editions()).toEqual([{ revision: 0, status: 'provisional' }]);
    const { body } = await pipeline.api('/v1/bulletins/2026-W47.json');
    expect(body).toMatchObject({ revision: 0, releaseStatus: 'provisional', provisionalWeeks: ['2026-11-16'] });
    const html = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/bulletins/2026-W47.html`, {
      headers: { authorization: `Bearer ${await pipeline.token('analyst')}` },
    });
    expect(await html.text()).toContain('Provisional edition (p)');
    // Nothing changed: the job's re-check publishes nothing new.
    expect(await bulletins.catchUp(tuesday)).toEqual([]);
  });

  it('serves the same bulletin as JSON, tidy CSV and HTML', async () => {
    const json = await pipeline.api('/v1/bulletins/2026-W47.json');
    const published = async (area: string, column: 'children' | 'episodes_started', _key: 'children_key' | 'started_key') => {
      const [week] = (await new StatisticsFiguresRepository().incidence(dataSource.manager, ['2026-11-16'], 'all')).values();
      const cell = week.find((c) => c.setting === 'ALL' && c.area === area)!;
      return column === 'children' ? perturb(cell.children, cell.childrenKey) : perturb(cell.started, cell.startedKey);
    };
    expect(json.body.headline[0]).toMatchObject({
      setting: 'ALL',
      children: await published('ALL', 'children', 'children_key'),
      episodes: await published('ALL', 'episodes_started', 'started_key'),
    });
    expect(Math.abs(json.body.headline[0].children - 12)).toBeLessThanOrEqual(2);
    const westminster = json.body.areas.find((a: { code: string; setting: string }) => a.code === 'E09000033' && a.setting === 'ALL');
    const city = json.body.areas.find((a: { code: string; setting: string }) => a.code === 'E09000001' && a.setting === 'ALL');
    // Each cell through its own key: the City's 3 is published as 0 or 5, and London - Westminster gives a noisy value, never the 3.
    expect(westminster.children).toBe(await published('E09000033', 'children', 'children_key'));
    expect(city.children).toBe(await published('E09000001', 'children', 'children_key'));
    expect([0, 5]).toContain(city.children);
    expect(json.body.disclosure).toMatchObject({ method: 'Cell-key perturbation', ptable: 'mcm-ptable-v1' });
    const auth = { headers: { authorization: `Bearer ${await pipeline.token('analyst')}` } };
    const csv = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/bulletins/2026-W47.csv`, auth);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^time_period,time_identifier,geographic_level,country_code,country_name/);
    const header = lines[0].split(',');
    const cityRow = lines
      .map((l) => l.split(','))
      .find((r) => r[header.indexOf('new_la_code')] === 'E09000001' && r[header.indexOf('setting')] === 'Total')!;
    expect(cityRow[header.indexOf('children_count')]).toBe(String(city.children));
    expect(cityRow[header.indexOf('disclosure_method')]).toBe('Cell-key perturbation (mcm-ptable-v1)');
    expect(lines.some((l) => l.split(',').includes('c'))).toBe(false);
    const html = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/bulletins/2026-W47.html`, auth);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('<svg');
    expect(page).not.toContain('<script');
    expect(page).toContain('mcm-ptable-v1');
  });

  it('rebuilds the provisional week as final once the agency has reported past it', async () => {
    // One more child in the week, reported on Monday 23 November: the force has now reported past the week.
    await apply(children('LATE', 1, 'E09000033', '2026-11-22T20:00:00Z', '2026-11-23T09:00:00Z'));
    const [final] = await bulletins.catchUp(tuesday);
    expect(final).toMatchObject({ week: '2026-W47', revision: 1, releaseStatus: 'final', created: true });
    expect(await editions()).toEqual([
      { revision: 0, status: 'provisional' },
      { revision: 1, status: 'final' },
    ]);
    const { body } = await pipeline.api('/v1/bulletins');
    expect(body).toEqual([expect.objectContaining({ week: '2026-W47', revision: 1, releaseStatus: 'final' })]);
    expect((await pipeline.api('/v1/bulletins/2026-W47.json')).body.provisionalWeeks).toEqual([]);
    // Final: the job leaves it alone (revisions of it are listed by later bulletins).
    expect(await bulletins.catchUp(tuesday)).toEqual([]);
  });

  it("lists, in the next week's bulletin, every published cell whose published value changed: LAs and breakdowns included", async () => {
    // Seven children of Hartlepool (0 published before) reported late for week 2026-W47.
    await apply(children('HART', 7, 'E06000001', '2026-11-18T20:00:00Z', '2026-11-25T09:00:00Z'));
    const outcome = await bulletins.build('2026-11-23', new Date('2026-11-26T12:00:00Z'));
    const { body } = await pipeline.api(`/v1/bulletins/2026-W48.json?revision=${outcome.revision}`);
    const revised = body.revisions.filter((r: { weekCommencing: string }) => r.weekCommencing === '2026-11-16');
    const hartlepool = revised.find(
      (r: { areaCode: string; setting: string; measure: string; dimension?: string }) =>
        r.areaCode === 'E06000001' && r.setting === 'ALL' && r.measure === 'children' && !r.dimension,
    );
    expect(hartlepool).toMatchObject({ previouslyPublished: 0, reason: 'late event' });
    expect(hartlepool.published).toBeGreaterThanOrEqual(5);
    // A breakdown total moved from 13 to 20 children: its published value moved (the ptable moves a value by 2 at most).
    const breakdowns = revised.filter((r: { dimension?: string; category?: string }) => r.dimension && r.category === 'Total');
    expect(breakdowns.length).toBeGreaterThan(0);
    for (const r of [hartlepool, ...breakdowns]) expect(r.published).not.toBe(r.previouslyPublished);
    // Every value of the section is a published one: never 1 to 4.
    for (const r of body.revisions) for (const v of [r.previouslyPublished, r.published]) expect(v >= 1 && v <= 4).toBe(false);
    const csv = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/bulletins/2026-W48.csv?revision=${outcome.revision}`, {
      headers: { authorization: `Bearer ${await pipeline.token('analyst')}` },
    });
    const lines = (await csv.text())
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const header = lines[0];
    const englandW47 = lines.find(
      (r) =>
        r[header.indexOf('week_commencing')] === '2026-11-16' &&
        r[header.indexOf('geographic_level')] === 'National' &&
        r[header.indexOf('setting')] === 'Total',
    )!;
    expect(englandW47[header.indexOf('revision_status')]).toBe('r');
  });

  it('publishes a later change of a final week as a revised edition', async () => {
    const revised = await bulletins.build('2026-11-16', new Date('2026-11-26T12:00:00Z'));
    expect(revised).toMatchObject({ releaseStatus: 'revised', created: true });
    expect((await editions()).map((e) => e.status)).toEqual(['provisional', 'final', 'revised']);
  });

  it('flags weeks and cells in the API: r for a complete week revised since its final edition, p for later weeks, x beyond the data', async () => {
    const { body: byDefault } = await pipeline.api('/v1/incidence/weekly', 'analyst');
    // The default end is the last complete week, never the week in progress.
    expect(byDefault.query.to).toBe(byDefault.lastCompleteWeek);
    expect(byDefault.weeks.every((w: { status: string }) => w.status === 'complete')).toBe(true);
    const current = isoWeekLabel(weekCommencing(new Date()));
    const { body } = await pipeline.api(`/v1/incidence/weekly?from=2026-W47&to=${current}`, 'analyst');
    const w47 = body.weeks[0];
    // Complete by now (7 days after its end); its England children moved from 13 to 20 since the final edition.
    expect(w47).toMatchObject({ week: '2026-W47', status: 'complete' });
    expect(w47.flags.children).toBe('r');
    for (const w of body.weeks.slice(1)) {
      expect(w.status).not.toBe('complete');
      expect(Object.values(w.flags).every((f) => f === 'p' || f === 'x')).toBe(true);
    }
    expect(body.weeks.at(-1)).toMatchObject({ status: 'in-progress' });
    // After the latest report (25 November, week 2026-W48) nothing says which episodes were open.
    for (const w of body.weeks.filter((x: { weekCommencing: string }) => x.weekCommencing > '2026-11-23')) {
      expect(w).toMatchObject({ episodesOpenAtWeekEnd: null, flags: { episodesOpenAtWeekEnd: 'x' } });
    }
    const csv = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/incidence/weekly.csv?from=2026-W47&to=${current}`, {
      headers: { authorization: `Bearer ${await pipeline.token('analyst')}` },
    });
    const rows = (await csv.text())
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(rows[0].at(-1)).toBe('revision_status');
    expect(rows.slice(1).map((r) => r.at(-1))).toEqual(['r', ...body.weeks.slice(1).map(() => 'p')]);
    expect(rows.at(-1)![rows[0].indexOf('open_at_week_end_count')]).toBe('x');
  });

  it('answers 404 for a week not published and 400 for a malformed one', async () => {
    expect((await pipeline.api('/v1/bulletins/2020-W01')).status).toBe(404);
    const bad = await pipeline.api('/v1/bulletins/last-week');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('file');
  });
});
