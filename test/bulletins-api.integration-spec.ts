import { randomUUID } from 'node:crypto';
import { perturb } from '@mcm/disclosure';
import { adminKafka, ensureTopics, KafkaPublisher, topicSpecs } from '@mcm/kafka';
import { dataSourceOptions } from '@mcm/persistence';
import { normaliseEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { DataSource } from 'typeorm';
import { createBatchAggregator } from '../apps/aggregator/src/aggregation/create-batch-aggregator';
import { BulletinService } from '../apps/aggregator/src/bulletin/bulletin.service';
import { DETERMINISTIC_LINKAGE, IsolatedPipeline } from '../tools/harness/src';
import { TEST_SECRETS } from './support/test-secrets';

/** The bulletin endpoints of the running API, over a bulletin built from real figures. */
describe('GET /v1/bulletins (running api)', () => {
  const pipeline = new IsolatedPipeline('test', DETERMINISTIC_LINKAGE);
  let dataSource: DataSource;
  const publisher = new KafkaPublisher(adminKafka('test-bulletins-api'));

  beforeAll(async () => {
    await pipeline.start(['api']);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    await ensureTopics(pipeline.kafka, topicSpecs(pipeline.topics));
    await publisher.connect();
    const events = Array.from({ length: 12 }, (_, i) => normaliseEvent(aMissingReport({
      eventId: randomUUID(), agencyChildRef: `C-${i}`, agencyEpisodeRef: `E-${i}`, occurredAt: '2026-11-17T10:00:00Z', reportedAt: '2026-11-17T11:00:00Z',
      child: { givenName: `CHILD${i}`, familyName: 'TEST', dateOfBirth: '2012-01-01', responsibleLaCode: i < 9 ? 'E09000033' : 'E09000001' },
    })));
    await createBatchAggregator(dataSource, TEST_SECRETS).apply(events.map((event, i) => ({ event, partition: 0, offset: String(i) })));
    await new BulletinService(dataSource, publisher, { silentDaysFlag: 14, methodologyUrl: '/m', contact: 't', topic: pipeline.topics.bulletins }).build('2026-11-16');
  });
  afterAll(async () => {
    await publisher.disconnect();
    await dataSource.destroy();
    await pipeline.stop();
  });

  it('lists the published weeks with links', async () => {
    const { status, body } = await pipeline.api('/v1/bulletins');
    expect(status).toBe(200);
    expect(body).toEqual([expect.objectContaining({ week: '2026-W47', weekCommencing: '2026-11-16', revision: 0, links: expect.objectContaining({ html: '/v1/bulletins/2026-W47.html' }) })]);
  });

  it('serves the same bulletin as JSON, tidy CSV and HTML', async () => {
    const json = await pipeline.api('/v1/bulletins/2026-W47.json');
    const published = async (area: string, column: 'children' | 'episodes_started', key: 'children_key' | 'started_key') => {
      const [row] = await dataSource.query(`SELECT ${column} AS value, ${key} AS key FROM weekly_incidence WHERE week_start = '2026-11-16' AND setting = 'ALL' AND la_code = $1`, [area]);
      return perturb(row.value, Number(row.key));
    };
    expect(json.body.headline[0]).toMatchObject({ setting: 'ALL', children: await published('ALL', 'children', 'children_key'), episodes: await published('ALL', 'episodes_started', 'started_key') });
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
    const cityRow = lines.map((l) => l.split(',')).find((r) => r[header.indexOf('new_la_code')] === 'E09000001' && r[header.indexOf('setting')] === 'Total')!;
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

  it('answers 404 for a week not published and 400 for a malformed one', async () => {
    expect((await pipeline.api('/v1/bulletins/2020-W01')).status).toBe(404);
    const bad = await pipeline.api('/v1/bulletins/last-week');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('file');
  });
});
