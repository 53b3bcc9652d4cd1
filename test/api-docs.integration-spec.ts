import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTopics, KafkaPublisher, topicSpecs } from '@mcm/kafka';
import { DataSource, dataSourceOptions } from '@mcm/persistence';
import { normaliseEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { BulletinService, createBatchAggregator } from '../apps/aggregator/src';
import { IsolatedPipeline } from '../tools/harness/src';
import { TEST_SECRETS } from './support/test-secrets';

/** A documented request and the answer docs/API.md shows for it. */
interface DocumentedShape {
  method: string;
  path: string;
  role: string;
  optional: Set<string>;
  example: unknown;
}

const SYMBOLS = new Set(['x', 'c', 'z', 'low']);

/** Every `<!-- shape: GET /path as role[; optional: a[].b, ...] -->` followed by a ```json block. */
export function documentedShapes(markdown: string): DocumentedShape[] {
  const pattern = /<!-- shape: (\S+) (\S+) as ([a-z-]+)(?:; optional: ([^>]*?))? -->\s*```json\n([\s\S]*?)```/g;
  return [...markdown.matchAll(pattern)].map(([, method, path, role, optional, json]) => ({
    method,
    path,
    role,
    optional: new Set(
      (optional ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    example: JSON.parse(json),
  }));
}

/**
 * Where an answer departs from its documented example: a field the page does not name, a named
 * field missing (unless optional), or another JSON type (a documented null stands for a nullable
 * field; a count may be an EES symbol). Array elements are each held to the first documented one.
 */
export function shapeProblems(doc: unknown, actual: unknown, optional: Set<string>, path = ''): string[] {
  if (doc === null) return [];
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (typeof doc === 'number' && typeof actual === 'string' && SYMBOLS.has(actual)) return [];
  if (kind(doc) !== kind(actual)) return [`${path || '$'}: documented ${kind(doc)}, served ${kind(actual)}`];
  if (Array.isArray(doc)) {
    if (doc.length === 0) return [];
    return (actual as unknown[]).flatMap((item) => shapeProblems(doc[0], item, optional, `${path}[]`));
  }
  if (kind(doc) !== 'object') return [];
  const [d, a] = [doc as Record<string, unknown>, actual as Record<string, unknown>];
  const named = (key: string) => (path ? `${path}.${key}` : key);
  return [
    ...Object.keys(a)
      .filter((k) => !(k in d))
      .map((k) => `${named(k)}: served but not documented`),
    ...Object.keys(d)
      .filter((k) => !(k in a) && !optional.has(named(k)))
      .map((k) => `${named(k)}: documented but not served`),
    ...Object.keys(d)
      .filter((k) => k in a)
      .flatMap((k) => shapeProblems(d[k], a[k], optional, named(k))),
  ];
}

describe('docs/API.md against the running API', () => {
  const pipeline = new IsolatedPipeline();
  let publisher: KafkaPublisher;
  let dataSource: DataSource;
  const shapes = documentedShapes(readFileSync(join(__dirname, '..', 'docs', 'API.md'), 'utf8'));

  beforeAll(async () => {
    await pipeline.start(['api']);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    await ensureTopics(pipeline.kafka, topicSpecs(pipeline.topics));
    publisher = new KafkaPublisher(pipeline.kafka);
    await publisher.connect();
    // Week 2026-W47 reported by a force in London, then a report after the week's end: complete.
    const events = Array.from({ length: 12 }, (_, i) =>
      normaliseEvent(
        aMissingReport({
          eventId: randomUUID(),
          agencyChildRef: `C-${i}`,
          agencyEpisodeRef: `E-${i}`,
          occurredAt: '2026-11-17T10:00:00Z',
          reportedAt: i === 11 ? '2026-11-23T09:00:00Z' : '2026-11-17T11:00:00Z',
          child: { givenName: `CHILD${i}`, familyName: 'DOCS', dateOfBirth: '2012-01-01', responsibleLaCode: 'E09000033' },
        }),
      ),
    );
    await createBatchAggregator(dataSource, TEST_SECRETS).apply(events.map((event, i) => ({ event, partition: 0, offset: String(i) })));
    await new BulletinService(dataSource, publisher, {
      silentDaysFlag: 14,
      methodologyUrl: '/m',
      contact: 't',
      topic: pipeline.topics.bulletins,
    }).build('2026-11-16', new Date('2026-11-24T12:00:00Z'));
  });
  afterAll(async () => {
    await publisher.disconnect();
    await dataSource.destroy();
    await pipeline.stop();
  });

  it('compares shapes strictly: an undocumented field, a missing one and another type are each caught', () => {
    const doc = { a: 1, b: [{ c: 'x', d: null }], e: 'y' };
    expect(shapeProblems(doc, { a: 2, b: [{ c: 'z', d: 5 }], e: 'w' }, new Set())).toEqual([]);
    expect(shapeProblems(doc, { a: '2', b: [{ c: 'z', d: 5, f: 1 }] }, new Set(['e']))).toEqual([
      'a: documented number, served string',
      'b[].f: served but not documented',
    ]);
    expect(shapeProblems(doc, { a: 2, b: [] }, new Set())).toEqual(['e: documented but not served']);
  });

  it('documents a shape for every endpoint', () => {
    const paths = shapes.map((s) => s.path.split('?')[0]);
    for (const path of [
      '/v1/incidence/weekly',
      '/v1/incidence',
      '/v1/completeness',
      '/v1/bulletins',
      '/v1/bulletins/2026-W47.json',
      '/v1/linkage/reviews',
      '/health',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('serves every documented answer with exactly the documented fields and types', async () => {
    const problems: string[] = [];
    for (const shape of shapes) {
      const headers: Record<string, string> =
        shape.role === 'public' || shape.role === 'none' ? {} : { authorization: `Bearer ${await pipeline.token(shape.role as never)}` };
      const response = await fetch(`http://127.0.0.1:${pipeline.apiPort}${shape.path}`, { method: shape.method, headers });
      const body = await response.json();
      const label = `${shape.method} ${shape.path} as ${shape.role}`;
      const documented = shape.example as { status?: unknown; type?: unknown };
      if (documented.type === 'about:blank') {
        // A problem-details example: its status and media type too.
        if (response.status !== documented.status) problems.push(`${label}: status ${response.status}, documented ${String(documented.status)}`);
        if (!response.headers.get('content-type')?.startsWith('application/problem+json')) problems.push(`${label}: not application/problem+json`);
      } else if (response.status !== 200) {
        problems.push(`${label}: status ${response.status}`);
      }
      problems.push(...shapeProblems(shape.example, body, shape.optional).map((p) => `${label}: ${p}`));
    }
    expect(problems).toEqual([]);
  });
});
