// Creates the database named in DATABASE_URL if it is missing (plain JS: runs before any build).
const { Client } = require('pg');
const target = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/missing_children');
const name = decodeURIComponent(target.pathname.slice(1));
const admin = new URL(target.toString());
admin.pathname = '/postgres';
(async () => {
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    console.error(`[infra] PostgreSQL does not answer at ${admin.host}: ${error.message}`);
    console.error('[infra] start it (on this machine: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_URL');
    process.exit(1);
  }
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    console.log(`[infra] created database ${name}`);
  } else {
    console.log(`[infra] database ${name} ready`);
  }
  await client.end();
})().catch((error) => { console.error(`[infra] ${error.message}`); process.exit(1); });
