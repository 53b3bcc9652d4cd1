import { ServiceName, OWNER_ROLE, serviceRole } from './access/database-roles';

/** The local server and database; production sets every URL (with `sslmode=verify-full`). */
const LOCAL = 'postgres://127.0.0.1:5432/missing_children';

function asRole(role: string): string {
  const url = new URL(LOCAL);
  url.username = role;
  return url.toString();
}

/** The owner (runs migrations, owns the tables): `npm run migration:run` and the admin tools. */
export const DEFAULT_MIGRATION_DATABASE_URL = asRole(OWNER_ROLE);

/** A service's own role on the local database (its DATABASE_URL when none is set). */
export function defaultServiceDatabaseUrl(service: ServiceName): string {
  return asRole(serviceRole(service));
}

/** The owner's URL: MIGRATION_DATABASE_URL, else the local owner. */
export function migrationDatabaseUrlFromEnv(env: { MIGRATION_DATABASE_URL?: string }): string {
  return env.MIGRATION_DATABASE_URL || DEFAULT_MIGRATION_DATABASE_URL;
}

/**
 * The admin tools' URL (linkage:train): the owner's, MIGRATION_DATABASE_URL. Services never read
 * it; each has its own DATABASE_URL.
 */
export const databaseUrlFromEnv = migrationDatabaseUrlFromEnv;
