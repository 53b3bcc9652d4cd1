// The database's roles, the database, and its ownership: run as the superuser (plain JS: runs
// before any build; idempotent, so every `npm run infra:up` converges).
//   - mcm_owner: LOGIN, CREATEDB, no superuser. Runs migrations and the admin tools, owns every
//     table (api_audit included) and the database.
//   - mcm_ingest, mcm_aggregator, mcm_api: LOGIN, NOINHERIT, nothing else; each service's own.
//     What they may do to each table is granted by the migrations' run (libs/persistence/src/access).
// Passwords: MCM_OWNER_PASSWORD, MCM_INGEST_PASSWORD, MCM_AGGREGATOR_PASSWORD, MCM_API_PASSWORD
// (set when given, left as they are otherwise; local trust authentication needs none).
// DATABASE_SUPERUSER_URL: the superuser (default postgres://postgres@127.0.0.1:5432/postgres);
// the database is the one MIGRATION_DATABASE_URL names (default missing_children). An existing
// database and its objects (an earlier run made them as the superuser) are handed to mcm_owner.
const { Client, escapeLiteral } = require('pg');

const OWNER = 'mcm_owner';
const SERVICES = ['mcm_ingest', 'mcm_aggregator', 'mcm_api'];
const superuserUrl = new URL(process.env.DATABASE_SUPERUSER_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
const target = new URL(process.env.MIGRATION_DATABASE_URL || 'postgres://mcm_owner@127.0.0.1:5432/missing_children');
const name = decodeURIComponent(target.pathname.slice(1));

const ident = (s) => `"${s.replace(/"/g, '""')}"`;

async function connect(database) {
  const url = new URL(superuserUrl.toString());
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000, application_name: 'mcm-infra' });
  await client.connect();
  return client;
}

async function ensureRole(client, role, attributes) {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (!rowCount) {
    try {
      await client.query(`CREATE ROLE ${ident(role)} ${attributes}`);
      console.log(`[infra] created role ${role}`);
    } catch (error) {
      if (error.code !== '42710') throw error; // made meanwhile by another run
    }
  }
  // Converge on the attributes whatever an earlier run or a person set.
  await client.query(`ALTER ROLE ${ident(role)} ${attributes}`);
  const password = process.env[`${role.toUpperCase()}_PASSWORD`];
  if (password) await client.query(`ALTER ROLE ${ident(role)} PASSWORD ${escapeLiteral(password)}`);
}

async function ensureDatabase(client) {
  const { rows } = await client.query('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name]);
  if (!rows.length) {
    try {
      await client.query(`CREATE DATABASE ${ident(name)} OWNER ${OWNER}`);
      console.log(`[infra] created database ${name} (owner ${OWNER})`);
      return;
    } catch (error) {
      if (error.code !== '42P04') throw error;
    }
  } else if (rows[0].owner !== OWNER) {
    await client.query(`ALTER DATABASE ${ident(name)} OWNER TO ${OWNER}`);
    console.log(`[infra] database ${name} now belongs to ${OWNER} (was ${rows[0].owner})`);
  }
}

/** Tables, views, free-standing sequences and functions of schema public made by anyone else. */
async function handOver(db) {
  // PostgreSQL 15's default: the database owner owns schema public; nobody else may create in it.
  await db.query(`DO $$ BEGIN
      IF (SELECT nspowner FROM pg_namespace WHERE nspname = 'public') NOT IN ('pg_database_owner'::regrole, '${OWNER}'::regrole)
      THEN ALTER SCHEMA public OWNER TO pg_database_owner; END IF; END $$`);
  await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  const { rows } = await db.query(
    `SELECT format('ALTER %s %s OWNER TO ${OWNER}', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.oid::regclass) AS sql
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> '${OWNER}'::regrole
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER ROUTINE %s OWNER TO ${OWNER}', p.oid::regprocedure)
       FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${OWNER}'::regrole`,
  );
  for (const { sql } of rows) await db.query(sql);
  if (rows.length) console.log(`[infra] handed ${rows.length} objects of ${name} to ${OWNER}`);
}

(async () => {
  let client;
  try {
    client = await connect('postgres');
  } catch (error) {
    console.error(`[infra] PostgreSQL does not answer at ${superuserUrl.host}: ${error.message}`);
    console.error('[infra] start it (on this machine: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_SUPERUSER_URL');
    process.exit(1);
  }
  try {
    await ensureRole(client, OWNER, 'LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT');
    for (const role of SERVICES) await ensureRole(client, role, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT');
    await ensureDatabase(client);
  } finally {
    await client.end();
  }
  const db = await connect(name);
  try {
    await handOver(db);
  } finally {
    await db.end();
  }
  console.log(`[infra] database ${name} ready: owner ${OWNER}, service roles ${SERVICES.join(', ')}`);
})().catch((error) => { console.error(`[infra] ${error.message}`); process.exit(1); });
