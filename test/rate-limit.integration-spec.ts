import { mintToken } from '../apps/api/src';
import { IsolatedPipeline } from '../tools/harness/src';

/** Rate limits per verified subject, and per address without a valid token, on the running API (one worker, so one set of counters). */
describe('API rate limits (running api)', () => {
  const pipeline = new IsolatedPipeline('test', { RATE_LIMIT_PER_MINUTE: '5', API_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3', API_WORKERS: '1' });
  const token = (sub: string) =>
    mintToken({ sub, role: 'analyst' }, { secret: pipeline.jwtSecret, issuer: 'missing-children-monitor', audience: 'mcm-api' });
  const get = async (sub: string) =>
    fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/incidence/weekly?from=2026-W40&to=2026-W44`, {
      headers: { authorization: `Bearer ${await token(sub)}` },
    });

  beforeAll(() => pipeline.start(['api']));
  afterAll(() => pipeline.stop());

  it('answers a subject up to its limit, then 429 with Retry-After as problem details; other subjects go on', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('amy')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await get('amy');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await get('ben')).status).toBe(200);
    expect((await get('amy')).status).toBe(429);
  });

  it('limits requests without a valid token per address before any token is verified; known tokens and public routes go on', async () => {
    const url = `http://127.0.0.1:${pipeline.apiPort}/v1/incidence/weekly?from=2026-W40&to=2026-W44`;
    const known = await token('cat');
    expect((await fetch(url, { headers: { authorization: `Bearer ${known}` } })).status).toBe(200);
    const statuses = [];
    for (const authorization of [undefined, 'Bearer not-a-token', `Bearer ${await token('dan')}x`]) {
      statuses.push((await fetch(url, { headers: authorization ? { authorization } : {} })).status);
    }
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await fetch(url);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refused.json()) as { title: string }).title).toBe('Too many requests without a valid token');
    // Not verified at all now: a bad signature is refused like no token.
    expect((await fetch(url, { headers: { authorization: `Bearer ${await token('dan')}x` } })).status).toBe(429);
    // A token this API has already verified passes without verification; public routes are not counted here.
    expect((await fetch(url, { headers: { authorization: `Bearer ${known}` } })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${pipeline.apiPort}/health`)).status).toBe(200);
    const [{ n }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM api_audit WHERE status = 429 AND subject IS NULL');
    expect(Number(n)).toBe(2);
  });
});
