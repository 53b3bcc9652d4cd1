import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiAuditRepository, SqlSession } from '@mcm/persistence';
import { mintToken } from '../apps/api/src';
import { IsolatedPipeline, RunningService } from '../tools/harness/src';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
/** The server as a superuser: fault injection and inspection, whatever roles the services use. */
const SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

/** Durable audit (issue 11): a row committed before its response leaves, or no response but 503. */
describe('API audit trail (running api, real database)', () => {
  const pipeline = new IsolatedPipeline('test', { RATE_LIMIT_PER_MINUTE: '100000', API_MAX_QUERY_BYTES: '512' });
  let superuser: SqlSession;
  const get = (path: string, token?: string) =>
    fetch(`http://127.0.0.1:${pipeline.apiPort}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const tokenOf = (sub: string) =>
    mintToken({ sub, role: 'analyst' }, { secret: pipeline.jwtSecret, issuer: 'missing-children-monitor', audience: 'mcm-api' });
  // A subject's records, oldest first.
  const rowsOf = async (subject: string) => (await new ApiAuditRepository().read(superuser, { subject, limit: 10_000 })).reverse();

  beforeAll(async () => {
    await pipeline.start(['api']);
    superuser = new SqlSession(`${SERVER}/${pipeline.db.name}`);
  });
  afterAll(async () => {
    await superuser?.end();
    await pipeline.stop();
  });

  it("has each request's row committed by the time its response arrives (queried at once, no waiting)", async () => {
    const subject = `durable-${randomUUID().slice(0, 8)}`;
    const token = await tokenOf(subject);
    const requests: [string, number][] = [
      ['/v1/incidence/weekly?setting=CARE', 200],
      ['/v1/linkage/reviews', 403],
      ['/v1/incidence/weekly?setting=NOPE', 400],
    ];
    for (const [i, [path, status]] of requests.entries()) {
      const response = await get(path, token);
      expect(response.status).toBe(status);
      const rows = await rowsOf(subject);
      expect(rows).toHaveLength(i + 1);
      expect([rows[i].route, rows[i].status, rows[i].role]).toEqual([path.split('?')[0], status, 'analyst']);
      await response.arrayBuffer();
    }
    expect((await rowsOf(subject))[0].parameters).toEqual({ setting: 'CARE' });
  });

  it('fails closed with 503 and no data when the audit store refuses the row', async () => {
    const subject = `refused-${randomUUID().slice(0, 8)}`;
    const token = await tokenOf(subject);
    expect((await get('/v1/incidence/weekly?setting=CARE', token)).status).toBe(200); // the token is known from here on
    await superuser.query(
      `CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable (test)'; END $$`,
    );
    await superuser.query('CREATE TRIGGER refuse_audit BEFORE INSERT ON api_audit FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit()');
    try {
      for (const path of ['/v1/incidence/weekly?setting=CARE', '/v1/incidence?from=2026-01&to=2026-03', '/v1/bulletins']) {
        const response = await get(path, token);
        expect([path, response.status]).toEqual([path, 503]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        const body = await response.json();
        expect(body).toEqual({ type: 'about:blank', title: 'The request could not be audited, so it was not served', status: 503, errors: [] });
      }
      // Refusals and public routes alike: nothing leaves unaudited.
      expect((await get('/v1/incidence/weekly')).status).toBe(503);
      expect((await get('/health')).status).toBe(503);
    } finally {
      await superuser.query('DROP TRIGGER refuse_audit ON api_audit');
      await superuser.query('DROP FUNCTION refuse_audit()');
    }
    expect((await rowsOf(subject)).map((r) => r.status)).toEqual([200]);
    const again = await get('/v1/incidence/weekly?setting=CARE', token);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { weeks?: unknown }).weeks).toBeDefined();
    expect((await rowsOf(subject)).map((r) => r.status)).toEqual([200, 200]);
    // The incident is logged, with the database's message but never a subject or parameters.
    const log = pipeline.service('api').output();
    expect(log).toMatch(/could not write \d+ audit records/);
    expect(log).not.toContain(subject);
  });

  it('refuses a long query string with 414 before any token check, and audits it cut to the cap', async () => {
    const path = `/v1/incidence/weekly?setting=CARE&note=${'x'.repeat(600)}`;
    const anonymous = await get(path);
    expect(anonymous.status).toBe(414);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect(((await anonymous.json()) as { title: string }).title).toBe('The query string is too long');
    // Refused before the token is even looked at, so the row has no subject.
    expect((await get(path, await tokenOf('long-query'))).status).toBe(414);
    const rows = await superuser.query<{ subject: string | null; parameters: Record<string, unknown> }>(
      'SELECT subject, status, parameters FROM api_audit WHERE status = 414 ORDER BY id',
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.subject).toBeNull();
      expect(row.parameters).toMatchObject({ truncated: true, bytes: path.split('?')[1].length });
      expect(String(row.parameters.query)).toMatch(/^setting=CARE&note=x+…\[truncated\]$/);
      expect(Buffer.byteLength(JSON.stringify(row.parameters))).toBeLessThanOrEqual(512);
    }
    // A query string under the cap is answered and stored whole.
    expect((await get(`/v1/incidence/weekly?setting=CARE&note=${'x'.repeat(400)}`, await tokenOf('long-query'))).status).toBe(400);
    const [stored] = await rowsOf('long-query');
    expect(stored.parameters).toEqual({ setting: 'CARE', note: 'x'.repeat(400) });
  });

  it('is read with `npm run audit`, newest first, paged with --before', async () => {
    const subject = `cli-${randomUUID().slice(0, 8)}`;
    const token = await tokenOf(subject);
    for (const setting of ['HOME', 'CARE', 'EDUCATION']) expect((await get(`/v1/incidence/weekly?setting=${setting}`, token)).status).toBe(200);
    // As the audit trail's owner (the data protection officer's access), not the API's role.
    const audit = (...args: string[]) =>
      run('node', ['dist/tools/audit/src/main.js', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: pipeline.db.url } });
    const all = await audit('--subject', subject, '--json');
    const records = all.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.parameters.setting)).toEqual(['EDUCATION', 'CARE', 'HOME']);
    expect(records[0]).toMatchObject({ subject, role: 'analyst', method: 'GET', route: '/v1/incidence/weekly', status: 200 });
    const first = await audit('--subject', subject, '--limit', '2', '--json');
    expect(first.stderr).toContain(`--before ${records[1].id}`);
    const next = await audit('--subject', subject, '--before', records[1].id);
    expect(next.stdout.trim().split('\t').slice(2, 7)).toEqual([subject, 'analyst', 'GET', '/v1/incidence/weekly', '200']);
    await expect(audit('--limit', 'lots')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run audit') });
  });

  it('is gone from the API: no route serves the audit trail', async () => {
    expect((await get('/v1/audit', await pipeline.token('admin'))).status).toBe(404);
    const openapi = await (await get('/docs/openapi.json')).text();
    expect(openapi).not.toContain('/v1/audit');
  });
});

describe('API start-up: token settings', () => {
  const refusal = async (env: NodeJS.ProcessEnv, message: RegExp) => {
    const service = new RunningService('api', { NODE_ENV: 'test', ...env }, `token-settings-${randomUUID().slice(0, 6)}`).start();
    expect(await service.exitCode(30_000)).toBe(1);
    expect(service.output()).toMatch(message);
    return service.output();
  };

  it('refuses a JWT secret under 32 bytes without printing it', async () => {
    const output = await refusal({ JWT_SECRET: 'short-but-secret-value' }, /JWT_SECRET must be at least 32 bytes/);
    expect(output).not.toContain('short-but-secret-value');
  });

  it('refuses a JWKS URL without TLS, even on loopback', async () => {
    await refusal({ JWKS_URL: 'http://127.0.0.1:8080/.well-known/jwks.json' }, /JWKS_URL must be an https:\/\/ URL/);
  });

  it('refuses a maximum token age that is not a duration', async () => {
    await refusal({ JWT_MAX_TOKEN_AGE: 'forever' }, /JWT_MAX_TOKEN_AGE must be a duration/);
  });
});

describe('npm run token', () => {
  it('refuses to mint in production', async () => {
    const minting = run('node', ['dist/tools/token/src/main.js', '--role', 'admin', '--sub', 'mallory'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(48) },
    });
    await expect(minting).rejects.toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('refusing to mint a token with NODE_ENV=production'),
    });
  });
});
