import { Readable } from 'node:stream';
import Fastify, { FastifyInstance } from 'fastify';
import { AuditRecord } from './audit-record';
import { AUDIT_REFUSAL, boundedQueryParser, installRequestHooks } from './request-hooks';

const SECURITY = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' };

/** A Fastify instance with the hooks and a few routes, whose audit store is `commit`. */
function server(commit: (record: AuditRecord) => Promise<void>): FastifyInstance {
  const app = Fastify({ routerOptions: { querystringParser: boundedQueryParser(64) } });
  installRequestHooks(app, { commit, maxQueryBytes: 64, securityHeaders: SECURITY });
  app.get('/figures', async (request, reply) => {
    request.user = { sub: 'ana', role: 'analyst' } as never;
    reply.header('x-handler', 'yes');
    return { figures: [1, 2, 3] };
  });
  app.get('/file', (_request, reply) => void reply.type('text/plain').send(Readable.from(['secret'])));
  return app;
}

describe('installRequestHooks', () => {
  it('commits the audit record, with its final status, before the response is sent', async () => {
    const order: string[] = [];
    const records: AuditRecord[] = [];
    const app = server(async (record) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      records.push(record);
      order.push('committed');
    });
    app.addHook('onResponse', async () => void order.push('sent'));
    const response = await app.inject('/figures?setting=CARE');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ figures: [1, 2, 3] });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(order).toEqual(['committed', 'sent']);
    expect(records[0]).toMatchObject({
      subject: 'ana',
      role: 'analyst',
      method: 'GET',
      route: '/figures',
      parameters: { setting: 'CARE' },
      status: 200,
    });
    expect((await app.inject('/nowhere')).statusCode).toBe(404);
    expect(records.map((r) => [r.route, r.status, r.subject])).toEqual([
      ['/figures', 200, 'ana'],
      ['/nowhere', 404, null],
    ]);
  });

  it('answers 503 with only the security headers, and none of the data, when the commit fails', async () => {
    const app = server(() => Promise.reject(new Error('store down')));
    for (const path of ['/figures', '/file', '/nowhere']) {
      const response = await app.inject(path);
      expect([path, response.statusCode]).toEqual([path, 503]);
      expect(response.body).toBe(AUDIT_REFUSAL.body);
      expect(response.headers['content-type']).toBe(AUDIT_REFUSAL.contentType);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-handler']).toBeUndefined();
    }
  });

  it('refuses a query string over the limit with 414 before the route runs, unparsed, and audits it', async () => {
    const records: AuditRecord[] = [];
    const app = server(async (record) => void records.push(record));
    const response = await app.inject(`/figures?q=${'é'.repeat(40)}`);
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({ status: 414, errors: [{ code: 'TOO_LONG' }] });
    expect(records[0]).toMatchObject({ status: 414, subject: null, parameters: { truncated: true } });
  });

  it('parses query strings as Express did: repeated names become arrays', () => {
    expect(boundedQueryParser(100)('groupBy=setting&groupBy=region&la=E1')).toEqual({ groupBy: ['setting', 'region'], la: 'E1' });
    expect(boundedQueryParser(3)('la=E1')).toEqual({});
  });
});
