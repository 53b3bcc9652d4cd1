import { randomUUID } from 'node:crypto';
import { adminKafka, ensureTopics, KafkaPublisher, topicSpecs } from '@mcm/kafka';
import { dataSourceOptions } from '@mcm/persistence';
import { normaliseEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { DataSource } from 'typeorm';
import { createBatchAggregator } from '../apps/aggregator/src/aggregation/create-batch-aggregator';
import { BulletinService } from '../apps/aggregator/src/bulletin/bulletin.service';
import { IsolatedPipeline } from '../tools/harness/src';
import { TEST_SECRETS } from './support/test-secrets';

/** The bulletin endpoints of the running API, over a bulletin built from real figures. */
describe('GET /v1/bulletins (running api)', () => {
  const pipeline = new IsolatedPipeline();
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
    expect(json.body.headline[0]).toMatchObject({ setting: 'ALL', children: 12, episodes: 12 });
    const westminster = json.body.areas.find((a: { code: string; setting: string }) => a.code === 'E09000033' && a.setting === 'ALL');
    const city = json.body.areas.find((a: { code: string; setting: string }) => a.code === 'E09000001' && a.setting === 'ALL');
    // The City's 3 is suppressed, and so is Westminster's 9: otherwise 3 = London's 12 - 9.
    expect([westminster.children, city.children]).toEqual(['c', 'c']);
    expect(json.body.areas.find((a: { level: string; setting: string; code: string }) => a.level === 'Regional' && a.setting === 'HOME' && a.code === 'E12000007').episodesStarted).toBe(12);
    const auth = { headers: { authorization: `Bearer ${await pipeline.token('analyst')}` } };
    const csv = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/bulletins/2026-W47.csv`, auth);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^time_period,time_identifier,geographic_level,country_code,country_name/);
    expect(lines.some((l) => l.includes('E09000001') && l.includes(',c,'))).toBe(true);
    const html = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/bulletins/2026-W47.html`, auth);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('<svg');
    expect(page).not.toContain('<script');
  });

  it('answers 404 for a week not published and 400 for a malformed one', async () => {
    expect((await pipeline.api('/v1/bulletins/2020-W01')).status).toBe(404);
    const bad = await pipeline.api('/v1/bulletins/last-week');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('file');
  });
});
