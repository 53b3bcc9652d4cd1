import { randomUUID } from 'node:crypto';
import {
  migrateDatabaseWithPrivileges,
  openDatabase,
  OWNER_ROLE,
  PrivilegeDrift,
  SERVICE_ROLES,
  ServiceName,
  ServiceRole,
  SqlSession,
  StatisticsFiguresRepository,
  TABLE_PRIVILEGES,
} from '@mcm/persistence';
import { freePort, RunningService, ScratchDatabase } from '../tools/harness/src';

const SERVICES: ServiceName[] = ['ingest', 'aggregator', 'api'];
const DENIED = /permission denied|must be owner/;
const IDENTITY_AND_REGISTER = [
  'child_identity_observation',
  'agency_child_profile',
  'child_link_key',
  'agency_child',
  'agency_event',
  'agency_episode',
  'national_child',
  'child_link_change',
  'agency',
  'agency_rejection',
];

/**
 * Least privilege on the real database: the roles made by scripts/infra/ensure-db.js and the grants
 * of libs/persistence/src/access, tried as each service's own role. (That the services do their
 * work under these roles is shown by every spec that starts them: the harness gives each its own.)
 */
describe('database roles and privileges', () => {
  const db = new ScratchDatabase();
  const clients = new Map<ServiceRole, SqlSession>();
  let drift: PrivilegeDrift;

  const as = (role: ServiceRole) => clients.get(role)!;
  const attempt = (role: ServiceRole, sql: string, params: unknown[] = []) => as(role).query(sql, params);

  beforeAll(async () => {
    await db.create();
    ({ privileges: drift } = await migrateDatabaseWithPrivileges(db.url));
    for (const service of SERVICES) {
      clients.set(`mcm_${service}`, new SqlSession(db.serviceUrl(service)));
    }
    // Something to tamper with.
    await db.query(`INSERT INTO api_audit (at, subject, role, method, route, parameters, status, duration_ms)
      VALUES (now(), 'alice', 'analyst', 'GET', '/v1/incidence', '{}', 200, 3)`);
  });

  afterAll(async () => {
    for (const client of clients.values()) await client.end();
    await db.drop();
  });

  it('has an entry in the privilege table for every table of the schema, and none for a table that is gone', async () => {
    // A new table must be added to libs/persistence/src/access/table-privileges.ts (even as `{}`).
    expect(drift).toEqual({ unlisted: [], absent: [] });
    const tables = await db.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm')`,
    );
    expect(tables.map((t) => t.name).sort()).toEqual(Object.keys(TABLE_PRIVILEGES).sort());
  });

  it('makes the service roles plain logins and the owner no superuser', async () => {
    const roles = await db.query<{
      rolname: string;
      rolsuper: boolean;
      rolinherit: boolean;
      rolcreatedb: boolean;
      rolcreaterole: boolean;
      rolcanlogin: boolean;
      rolbypassrls: boolean;
    }>(
      'SELECT rolname, rolsuper, rolinherit, rolcreatedb, rolcreaterole, rolcanlogin, rolbypassrls FROM pg_roles WHERE rolname = ANY($1::text[]) ORDER BY rolname',
      [[OWNER_ROLE, ...SERVICE_ROLES]],
    );
    const plain = { rolsuper: false, rolinherit: false, rolcreatedb: false, rolcreaterole: false, rolcanlogin: true, rolbypassrls: false };
    expect(roles).toEqual([
      { rolname: 'mcm_aggregator', ...plain },
      { rolname: 'mcm_api', ...plain },
      { rolname: 'mcm_ingest', ...plain },
      { rolname: OWNER_ROLE, rolsuper: false, rolinherit: true, rolcreatedb: true, rolcreaterole: false, rolcanlogin: true, rolbypassrls: false },
    ]);
    const members = await db.query('SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = ANY($1::text[])', [
      [...SERVICE_ROLES],
    ]);
    expect(members).toEqual([]);
  });

  it('gives every table, api_audit included, to the owner, a role no service logs in as', async () => {
    const owners = await db.query<{ owner: string }>(
      `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S')`,
    );
    expect(owners).toEqual([{ owner: OWNER_ROLE }]);
    const [trigger] = await db.query<{ tgenabled: string }>(
      `SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'api_audit'::regclass AND tgname = 'api_audit_append_only'`,
    );
    expect(trigger.tgenabled).toBe('O');
  });

  describe('the API role', () => {
    it.each(IDENTITY_AND_REGISTER)('may not read %s', async (table) => {
      await expect(attempt('mcm_api', `SELECT * FROM ${table} LIMIT 1`)).rejects.toThrow(`permission denied for table ${table}`);
    });

    it('may not write the figures, the bulletins or the register', async () => {
      await expect(
        attempt(
          'mcm_api',
          `INSERT INTO weekly_incidence (week_start, setting, area_code, children, episodes_started, open_at_week_end) VALUES ('2026-11-02', 'ALL', 'ALL', 1, 1, 1)`,
        ),
      ).rejects.toThrow('permission denied for table weekly_incidence');
      await expect(attempt('mcm_api', 'DELETE FROM weekly_incidence')).rejects.toThrow(DENIED);
      await expect(attempt('mcm_api', 'UPDATE national_episode SET la_code = la_code')).rejects.toThrow(DENIED);
      await expect(attempt('mcm_api', 'DELETE FROM bulletin')).rejects.toThrow(DENIED);
      await expect(attempt('mcm_api', `UPDATE agency SET status = 'ACTIVE'`)).rejects.toThrow(DENIED);
    });

    it('reads the figures, bulletins and the review queue', async () => {
      for (const table of ['weekly_incidence', 'weekly_breakdown', 'national_episode', 'incidence_revision', 'agency_activity', 'bulletin']) {
        await expect(attempt('mcm_api', `SELECT count(*) FROM ${table}`)).resolves.toBeDefined();
      }
      await expect(
        attempt(
          'mcm_api',
          'SELECT id, status, probability, model_id, comparison_levels, created_at, decided_at, decided_by, applied_at FROM linkage_review',
        ),
      ).resolves.toBeDefined();
    });

    it('records review decisions but may neither change a pair nor see which children it joins', async () => {
      const [{ id }] = await db.query<{ id: string }>(
        `INSERT INTO linkage_review (agency_child_a, agency_child_b, probability, comparison_levels, model_id) VALUES (1, 2, 0.7, '{}', 'm1') RETURNING id`,
      );
      const decided = await attempt(
        'mcm_api',
        `UPDATE linkage_review SET status = 'CONFIRMED', decided_by = 'steward', decided_at = now(), applied_at = NULL WHERE id = $1 RETURNING status`,
        [id],
      );
      expect(decided).toEqual([{ status: 'CONFIRMED' }]);
      await expect(attempt('mcm_api', 'UPDATE linkage_review SET probability = 1 WHERE id = $1', [id])).rejects.toThrow(DENIED);
      await expect(attempt('mcm_api', 'SELECT agency_child_a FROM linkage_review')).rejects.toThrow(DENIED);
      await expect(attempt('mcm_api', 'DELETE FROM linkage_review')).rejects.toThrow(DENIED);
    });

    it('appends to the audit trail but cannot read it back', async () => {
      await attempt(
        'mcm_api',
        `INSERT INTO api_audit (at, subject, role, method, route, parameters, status, duration_ms) VALUES (now(), 'bob', 'admin', 'GET', '/health', '{}', 200, 1)`,
      );
      await expect(attempt('mcm_api', 'SELECT * FROM api_audit')).rejects.toThrow('permission denied for table api_audit');
      await expect(
        attempt(
          'mcm_api',
          `INSERT INTO api_audit (at, subject, role, method, route, parameters, status, duration_ms) VALUES (now(), 'bob', 'admin', 'GET', '/health', '{}', 200, 1) RETURNING subject`,
        ),
      ).rejects.toThrow(DENIED);
    });

    it('may not call the owner’s functions', async () => {
      await expect(attempt('mcm_api', 'SELECT analyze_pipeline_tables()')).rejects.toThrow(DENIED);
    });
  });

  describe.each(SERVICE_ROLES)('tampering with api_audit as %s', (role) => {
    it.each([
      ['UPDATE', `UPDATE api_audit SET subject = 'nobody'`],
      ['DELETE', 'DELETE FROM api_audit'],
      ['TRUNCATE', 'TRUNCATE api_audit'],
      ['ALTER TABLE', 'ALTER TABLE api_audit ADD COLUMN forged text'],
      ['DISABLE TRIGGER', 'ALTER TABLE api_audit DISABLE TRIGGER api_audit_append_only'],
      ['DISABLE TRIGGER ALL', 'ALTER TABLE api_audit DISABLE TRIGGER ALL'],
      ['DROP TRIGGER', 'DROP TRIGGER api_audit_append_only ON api_audit'],
      [
        'replace the trigger function',
        `CREATE OR REPLACE FUNCTION api_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      ],
      ['take ownership', `ALTER TABLE api_audit OWNER TO ${role}`],
      ['DROP', 'DROP TABLE api_audit'],
    ])('%s is refused', async (_, sql) => {
      await expect(attempt(role, sql)).rejects.toThrow(DENIED);
    });

    it('leaves the audit trail as it was', async () => {
      const rows = await db.query<{ subject: string }>(`SELECT subject FROM api_audit WHERE subject = 'alice'`);
      expect(rows).toEqual([{ subject: 'alice' }]);
    });
  });

  it.each(['mcm_ingest', 'mcm_aggregator'] as const)('%s cannot read the audit trail', async (role) => {
    await expect(attempt(role, 'SELECT * FROM api_audit')).rejects.toThrow('permission denied for table api_audit');
    await expect(
      attempt(role, `INSERT INTO api_audit (at, method, route, parameters, status, duration_ms) VALUES (now(), 'GET', '/', '{}', 200, 1)`),
    ).rejects.toThrow(DENIED);
  });

  it.each(SERVICE_ROLES)('%s cannot create anything in the schema', async (role) => {
    await expect(attempt(role, `CREATE TABLE stash_${role} (x text)`)).rejects.toThrow('permission denied for schema public');
    await expect(attempt(role, `CREATE FUNCTION stash_${role}() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).rejects.toThrow(
      'permission denied for schema public',
    );
    await expect(attempt(role, `CREATE SCHEMA stash_${role}`)).rejects.toThrow(DENIED);
  });

  it('keeps ingest to the register and the rejections', async () => {
    await expect(attempt('mcm_ingest', 'SELECT code FROM agency')).resolves.toBeDefined();
    await expect(
      attempt('mcm_ingest', `INSERT INTO agency_rejection (agency_code, source, rejected_at, reasons) VALUES ('X', $1, now(), '[]')`, [randomUUID()]),
    ).resolves.toBeDefined();
    await expect(attempt('mcm_ingest', `UPDATE agency SET status = 'ACTIVE'`)).rejects.toThrow(DENIED);
    await expect(attempt('mcm_ingest', 'SELECT * FROM child_identity_observation')).rejects.toThrow(DENIED);
    await expect(attempt('mcm_ingest', 'SELECT * FROM weekly_incidence')).rejects.toThrow(DENIED);
  });

  it('keeps the aggregator out of the register', async () => {
    await expect(attempt('mcm_aggregator', 'SELECT * FROM agency')).rejects.toThrow(DENIED);
    await expect(attempt('mcm_aggregator', 'SELECT * FROM agency_rejection')).rejects.toThrow(DENIED);
    await expect(attempt('mcm_aggregator', 'SELECT analyze_pipeline_tables()')).resolves.toBeDefined();
  });

  it("lets the bulletin job (aggregator) and the API read each agency's completeness, implied returns included", async () => {
    for (const service of ['aggregator', 'api'] as const) {
      const database = await openDatabase(db.serviceUrl(service));
      try {
        await expect(new StatisticsFiguresRepository().agencies(database.manager, '2026-11-02')).resolves.toBeInstanceOf(Array);
      } finally {
        await database.destroy();
      }
    }
  });

  it('takes back, at the next migration run, a grant made by hand', async () => {
    await db.query('GRANT ALL ON api_audit TO mcm_api');
    await db.query('GRANT SELECT ON child_identity_observation TO mcm_api');
    await expect(attempt('mcm_api', 'SELECT count(*) FROM api_audit')).resolves.toBeDefined();
    await migrateDatabaseWithPrivileges(db.url);
    await expect(attempt('mcm_api', 'SELECT count(*) FROM api_audit')).rejects.toThrow(DENIED);
    await expect(attempt('mcm_api', 'SELECT count(*) FROM child_identity_observation')).rejects.toThrow(DENIED);
  });

  it('a service does not migrate: on a database behind the code it stops and says what to run', async () => {
    const behind = await new ScratchDatabase().create();
    try {
      const api = new RunningService(
        'api',
        { NODE_ENV: 'test', API_DATABASE_URL: behind.serviceUrl('api'), API_PORT: String(await freePort()) },
        `roles-behind-${randomUUID().slice(0, 6)}`,
      ).start();
      expect(await api.exitCode(120_000)).not.toBe(0);
      expect(api.output()).toMatch(/schema is not current[\s\S]*npm run migration:run/);
      const [{ n }] = await behind.query<{ n: string }>(`SELECT count(*) AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`);
      expect(Number(n)).toBe(0);
    } finally {
      await behind.drop();
    }
  });
});
