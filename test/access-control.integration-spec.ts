import * as fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { DataSource, dataSourceOptions } from '@mcm/persistence';
import { normaliseEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { createBatchAggregator } from '../apps/aggregator/src';
import { mintToken } from '../apps/api/src';
import { DETERMINISTIC_LINKAGE, IsolatedPipeline, RunningService } from '../tools/harness/src';
import { TEST_SECRETS } from './support/test-secrets';

/** Access control, disclosure control by role, audit and hardening of the running API. */
describe('API access control (running api)', () => {
  const pipeline = new IsolatedPipeline('test', { ...DETERMINISTIC_LINKAGE, RATE_LIMIT_PER_MINUTE: '100000' });
  let dataSource: DataSource;
  const base = () => `http://127.0.0.1:${pipeline.apiPort}`;
  const get = (path: string, token?: string) => fetch(`${base()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  const body = async (path: string, token: string): Promise<any> => (await get(path, token)).json();
  const sign = (claims: Record<string, unknown>, secret = pipeline.jwtSecret) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
  const now = () => Math.floor(Date.now() / 1000);
  const las = ['E09000033', 'E09000001', 'E08000025', 'E06000001'];

  beforeAll(async () => {
    await pipeline.start(['api']);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    // Small and large counts in several LAs and settings over four weeks.
    const events = Array.from({ length: 90 }, (_, i) =>
      normaliseEvent(
        aMissingReport({
          eventId: randomUUID(),
          agencyChildRef: `C-${i}`,
          agencyEpisodeRef: `E-${i}`,
          setting: (['HOME', 'HOME', 'CARE', 'EDUCATION'] as const)[i % 4],
          occurredAt: new Date(Date.parse('2026-10-26T10:00:00Z') + (i % 4) * 7 * 86_400_000).toISOString(),
          reportedAt: '2026-11-20T10:00:00Z',
          agency: { type: 'LOCAL_AUTHORITY', code: las[i % 4 === 0 ? 0 : i % 7 === 0 ? 1 : i % 3 === 0 ? 2 : 0] },
          child: {
            givenName: `CHILD${i}`,
            familyName: 'TEST',
            dateOfBirth: '2012-01-01',
            responsibleLaCode: las[i % 4 === 0 ? 0 : i % 7 === 0 ? 1 : i % 3 === 0 ? 2 : 0],
          },
        }),
      ),
    );
    await createBatchAggregator(dataSource, TEST_SECRETS).apply(events.map((event, i) => ({ event, partition: 0, offset: String(i) })));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await pipeline.stop();
  });

  it('answers 401 to a missing, expired, wrongly signed, wrong-audience or wrong-issuer token', async () => {
    const claims = { sub: 'mallory', role: 'admin', iss: 'missing-children-monitor', aud: 'mcm-api', iat: now(), exp: now() + 600 };
    const { privateKey } = await generateKeyPair('RS256');
    const cases = {
      missing: undefined,
      garbage: 'not-a-token',
      expired: await sign({ ...claims, exp: now() - 60 }),
      'wrong signature': await sign(claims, 'another-secret-entirely'),
      'wrong audience': await sign({ ...claims, aud: 'some-other-api' }),
      'wrong issuer': await sign({ ...claims, iss: 'someone-else' }),
      'no role': await sign({ ...claims, role: undefined }),
      'unknown role': await sign({ ...claims, role: 'superuser' }),
      'RS256 when HS256 is configured': await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey),
      'no iat': await sign({ ...claims, iat: undefined }),
      'older than the maximum age (12 h), exp notwithstanding': await sign({ ...claims, iat: now() - 13 * 3600, exp: now() + 30 * 86_400 }),
    };
    for (const [name, token] of Object.entries(cases)) {
      const response = await get('/v1/incidence/weekly', token);
      expect([name, response.status]).toEqual([name, 401]);
      const body = await response.json();
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js|stack|SELECT/);
    }
    expect((await get('/health')).status).toBe(200);
  });

  it('answers 403 to a role the route does not admit', async () => {
    expect((await get('/v1/incidence/weekly', await pipeline.token('data-steward'))).status).toBe(403);
    expect((await get('/v1/linkage/reviews', await pipeline.token('statistician'))).status).toBe(403);
    expect((await get('/v1/linkage/reviews', await pipeline.token('admin'))).status).toBe(200);
  });

  it("never gives an analyst or an admin a value from 1 to 4, at any level; statisticians get the database's exact values (random queries)", async () => {
    const analyst = await pipeline.token('analyst');
    const admin = await pipeline.token('admin');
    const statistician = await pipeline.token('statistician');
    const MEASURES = {
      children: 'children',
      episodesStarted: 'episodes_started',
      episodesEnded: 'episodes_ended',
      episodesOpenAtWeekEnd: 'open_at_week_end',
    } as const;
    let sawSmall = false;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...las, 'E12000007', 'UNKNOWN', 'ALL'),
        fc.constantFrom('ALL', 'HOME', 'CARE', 'EDUCATION'),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        async (la, setting, first, length) => {
          const from = new Date(Date.parse('2026-10-19T12:00:00Z') + first * 7 * 86_400_000).toISOString().slice(0, 10);
          const to = new Date(Date.parse(from) + length * 7 * 86_400_000).toISOString().slice(0, 10);
          const path = `/v1/incidence/weekly?from=${from}&to=${to}&setting=${setting}&la=${la}`;
          const [asAnalyst, asAdmin, asStatistician] = await Promise.all([body(path, analyst), body(path, admin), body(path, statistician)]);
          expect(asAdmin).toEqual(asAnalyst);
          expect(asAnalyst.disclosure.method).toBe('cell-key');
          expect(asStatistician.disclosure.method).toBe('none');
          const stored = await pipeline.db.query<Record<string, number | string>>(
            `SELECT week_start::text AS week, children, episodes_started, episodes_ended, open_at_week_end FROM weekly_incidence
            WHERE area_code = $1 AND setting = $2 AND week_start BETWEEN $3::date AND $4::date`,
            [la, setting, asStatistician.weeks[0].weekCommencing, to],
          );
          asAnalyst.weeks.forEach((week: Record<string, unknown>, i: number) => {
            const row = stored.find((r) => r.week === asStatistician.weeks[i].weekCommencing);
            for (const [measure, column] of Object.entries(MEASURES)) {
              const value = week[measure] as number;
              // After the latest report (2026-W47) open at week end is not available (x), for every role.
              if (measure === 'episodesOpenAtWeekEnd' && asStatistician.weeks[i].flags[measure] === 'x') {
                expect([value, asStatistician.weeks[i][measure]]).toEqual([null, null]);
                continue;
              }
              expect(typeof value === 'number' && !(value >= 1 && value <= 4)).toBe(true);
              const exact = asStatistician.weeks[i][measure];
              expect([measure, exact]).toEqual([measure, Number(row?.[column] ?? 0)]);
              if (exact >= 1 && exact <= 4) sawSmall = true;
              if (exact === 0) expect(value).toBe(0);
              if (exact >= 5) expect(Math.abs(value - exact)).toBeLessThanOrEqual(2);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
    expect(sawSmall).toBe(true);
  });

  it('gives analysts national figures through the cell-key method too, within 2 of the truth', async () => {
    const path = '/v1/incidence/weekly?from=2026-W44&to=2026-W47';
    const [national, exact] = await Promise.all([body(path, await pipeline.token('analyst')), body(path, await pipeline.token('statistician'))]);
    expect(exact.weeks.map((w: { episodesStarted: number }) => w.episodesStarted).reduce((a: number, b: number) => a + b, 0)).toBe(90);
    national.weeks.forEach((w: { episodesStarted: number }, i: number) =>
      expect(Math.abs(w.episodesStarted - exact.weeks[i].episodesStarted)).toBeLessThanOrEqual(2),
    );
  });

  it('shows completeness per agency type and region to analysts and statisticians, per agency to operators and admins only', async () => {
    const week = '2026-W47';
    for (const role of ['analyst', 'statistician'] as const) {
      const response = await get(`/v1/completeness?week=${week}`, await pipeline.token(role));
      expect([role, response.status]).toEqual([role, 200]);
      const answer = (await response.json()) as any;
      expect(answer.level).toBe('agency type and region');
      expect(answer.agencies).toBeUndefined();
      expect(answer.groups.length).toBeGreaterThan(0);
      for (const g of answer.groups) {
        expect(Object.keys(g).sort()).toEqual(
          [
            'agenciesReporting',
            'agencies',
            'agencyType',
            'eventsThisWeek',
            'impliedReturnsThisWeek',
            'lastEventDate',
            'meanLagHours',
            'regionCode',
            'regionName',
            'silentDays',
            'usualWeeklyEvents',
          ].sort(),
        );
        expect(g.eventsThisWeek % 10).toBe(0);
        expect(g.impliedReturnsThisWeek % 10).toBe(0);
        expect(g.usualWeeklyEvents % 10).toBe(0);
        expect(g.lastEventDate === null || /^\d{4}-\d{2}-\d{2}$/.test(g.lastEventDate)).toBe(true);
      }
      expect(JSON.stringify(answer)).not.toMatch(/agencyCode|E09000033|T\d\d:\d\d/);
      expect(answer.groups.map((g: { regionCode: string }) => g.regionCode)).toContain('E12000007');
    }
    for (const role of ['operator', 'admin'] as const) {
      const answer = await body(`/v1/completeness?week=${week}`, await pipeline.token(role));
      expect([role, answer.level]).toEqual([role, 'agency']);
      const westminster = answer.agencies.find((a: { agencyCode: string }) => a.agencyCode === 'E09000033');
      expect(westminster.lastEventAt).toMatch(/T\d\d:\d\d/);
      const [{ events }] = await pipeline.db.query<{ events: number }>(
        `SELECT events FROM agency_activity WHERE agency_code = 'E09000033' AND week_start = '2026-11-16'`,
      );
      expect(westminster.eventsThisWeek).toBe(events);
    }
    const operator = await pipeline.token('operator');
    expect((await get('/v1/incidence/weekly', operator)).status).toBe(403);
    expect((await get('/v1/incidence?from=2026-10&to=2026-11&granularity=month', operator)).status).toBe(403);
    expect((await get('/v1/completeness', await pipeline.token('data-steward'))).status).toBe(403);
  });

  it('records an audit row for every request, refused ones included', async () => {
    const subject = `auditor-${randomUUID().slice(0, 8)}`;
    const token = await mintToken(
      { sub: subject, role: 'analyst' },
      { secret: pipeline.jwtSecret, issuer: 'missing-children-monitor', audience: 'mcm-api' },
    );
    const statuses = [
      (await get('/v1/incidence/weekly?setting=CARE', token)).status,
      (await get('/v1/linkage/reviews', token)).status,
      (await get('/v1/incidence/weekly?setting=NOPE', token)).status,
    ];
    expect(statuses).toEqual([200, 403, 400]);
    // Committed before each response was sent (test/audit.integration-spec.ts): no waiting.
    const rows = await pipeline.db.query<{ route: string; status: number; role: string; parameters: unknown }>(
      'SELECT route, status, role, parameters FROM api_audit WHERE subject = $1 ORDER BY id',
      [subject],
    );
    expect(rows.map((r) => [r.route, r.status, r.role])).toEqual([
      ['/v1/incidence/weekly', 200, 'analyst'],
      ['/v1/linkage/reviews', 403, 'analyst'],
      ['/v1/incidence/weekly', 400, 'analyst'],
    ]);
    expect(rows[0].parameters).toEqual({ setting: 'CARE' });
    const [{ n }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM api_audit WHERE subject IS NULL');
    expect(Number(n)).toBeGreaterThan(0);
    await expect(pipeline.db.query('DELETE FROM api_audit')).rejects.toThrow(/append-only/);
  });

  it('sends security headers, keeps CORS closed, refuses large bodies', async () => {
    const response = await fetch(`${base()}/health`, { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    const big = await fetch(`${base()}/v1/linkage/reviews/1/decision`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await pipeline.token('data-steward')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'CONFIRM', padding: 'x'.repeat(200 * 1024) }),
    });
    expect(big.status).toBe(413);
  });
});

describe('API start-up in production', () => {
  it('refuses to start without a configured token key', async () => {
    // Empty values count as unset, as in a deployment template with the keys left blank.
    const service = new RunningService(
      'api',
      { NODE_ENV: 'production', JWT_SECRET: '', JWT_PUBLIC_KEY: '', JWKS_URL: '' },
      `prod-refusal-${randomUUID().slice(0, 6)}`,
    ).start();
    const code = await service.exitCode(30_000);
    expect(code).toBe(1);
    expect(service.output()).toMatch(/JWT_SECRET, JWT_PUBLIC_KEY or JWKS_URL must be set in production/);
  });
});
