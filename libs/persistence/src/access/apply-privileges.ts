import { EntityManager } from 'typeorm';
import { SERVICE_ROLES, ServiceRole } from './database-roles';
import { FUNCTION_PRIVILEGES, Privilege, TABLE_PRIVILEGES, TableAccess } from './table-privileges';

export interface PrivilegeDrift {
  /** Tables in the schema with no entry in the table: nobody but the owner may use them. */
  unlisted: string[];
  /** Entries for tables the schema does not have (granted nothing). */
  absent: string[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function quoted(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`unsupported identifier "${name}" in the privilege table`);
  return `"${name}"`;
}

/** GRANT statements for one role on one table, column lists as given. */
export function grantStatements(table: string, role: ServiceRole, privileges: readonly Privilege[]): string[] {
  const whole = privileges.filter((p): p is Extract<Privilege, string> => typeof p === 'string');
  const statements = whole.length ? [`GRANT ${whole.join(', ')} ON TABLE ${quoted(table)} TO ${quoted(role)}`] : [];
  for (const p of privileges) {
    if (typeof p === 'string') continue;
    const [[kind, columns]] = Object.entries(p) as [string, readonly string[]][];
    statements.push(`GRANT ${kind} (${columns.map(quoted).join(', ')}) ON TABLE ${quoted(table)} TO ${quoted(role)}`);
  }
  return statements;
}

/**
 * Makes the grants of the schema's tables exactly `TABLE_PRIVILEGES`: everything is revoked from
 * the service roles (and PUBLIC), then the table's privileges are granted, with USAGE on the
 * identity sequences of tables a role may INSERT into. Runs as the owner, in the caller's
 * transaction, so no service ever sees a half-applied state. CREATE on schema public is taken
 * from PUBLIC. Returns the tables and entries that do not match.
 */
export async function applyTablePrivileges(
  db: EntityManager,
  privileges: Readonly<Record<string, TableAccess>> = TABLE_PRIVILEGES,
): Promise<PrivilegeDrift> {
  const roles: { rolname: string }[] = await db.query('SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[])', [[...SERVICE_ROLES]]);
  const missing = SERVICE_ROLES.filter((r) => !roles.some((x) => x.rolname === r));
  if (missing.length) {
    throw new Error(
      `database roles ${missing.join(', ')} do not exist: create them as the superuser with npm run infra:up (scripts/infra/ensure-db.js)`,
    );
  }
  const [me]: { superuser: boolean }[] = await db.query('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
  const foreign: { name: string; owner: string }[] = await db.query(
    `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
  );
  if (!me.superuser && foreign.length) {
    throw new Error(
      `tables not owned by ${await currentUser(db)} (${foreign
        .slice(0, 5)
        .map((f) => `${f.name}: ${f.owner}`)
        .join(', ')}): ` + 'hand them to the owner as the superuser with npm run infra:up (scripts/infra/ensure-db.js)',
    );
  }

  const everyone = ['PUBLIC', ...SERVICE_ROLES.map(quoted)].join(', ');
  const [publicCreate]: { granted: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE') AS granted`,
  );
  if (publicCreate.granted) await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${everyone}`);
  await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${everyone}`);
  await db.query(`GRANT USAGE ON SCHEMA public TO ${SERVICE_ROLES.map(quoted).join(', ')}`);

  const tables: { name: string }[] = await db.query(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm') ORDER BY 1`,
  );
  const live = new Set(tables.map((t) => t.name));
  for (const [table, access] of Object.entries(privileges)) {
    if (!live.has(table)) continue;
    for (const [role, granted] of Object.entries(access) as [ServiceRole, readonly Privilege[]][]) {
      for (const statement of grantStatements(table, role, granted)) await db.query(statement);
      if (granted.includes('INSERT')) {
        const sequences: { name: string }[] = await db.query(
          `SELECT s.relname AS name FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
            WHERE d.refobjid = $1::regclass AND d.deptype IN ('a', 'i')`,
          [`public.${quoted(table)}`],
        );
        for (const s of sequences) await db.query(`GRANT USAGE ON SEQUENCE ${quoted(s.name)} TO ${quoted(role)}`);
      }
    }
  }

  for (const [signature, callers] of Object.entries(FUNCTION_PRIVILEGES)) {
    if (!/^[a-z_][a-z0-9_]*\([a-z0-9_, ]*\)$/.test(signature))
      throw new Error(`unsupported function signature "${signature}" in the privilege table`);
    const [fn]: { present: boolean }[] = await db.query('SELECT to_regprocedure($1) IS NOT NULL AS present', [`public.${signature}`]);
    if (!fn.present) continue;
    await db.query(`REVOKE ALL ON FUNCTION public.${signature} FROM ${everyone}`);
    if (callers.length) await db.query(`GRANT EXECUTE ON FUNCTION public.${signature} TO ${callers.map(quoted).join(', ')}`);
  }
  return { unlisted: [...live].filter((t) => !(t in privileges)), absent: Object.keys(privileges).filter((t) => !live.has(t)) };
}

async function currentUser(db: EntityManager): Promise<string> {
  const [row]: { name: string }[] = await db.query('SELECT current_user AS name');
  return row.name;
}
