/**
 * The PostgreSQL roles of the system (created, cluster-wide, by scripts/infra/ensure-db.js as the
 * superuser; docs/ARCHITECTURE.md, "Trust boundaries"). The owner runs migrations and the admin
 * tools and owns every table, api_audit included; each service logs in with its own role, which
 * holds only what `TABLE_PRIVILEGES` grants it.
 */
export const OWNER_ROLE = 'mcm_owner';

export const SERVICE_ROLES = ['mcm_ingest', 'mcm_aggregator', 'mcm_api'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

export type ServiceName = 'ingest' | 'aggregator' | 'api';

export function serviceRole(service: ServiceName): ServiceRole {
  return `mcm_${service}`;
}

/**
 * The same server and database as `url`, logged in as `role` (password from `passwords`, the validated
 * config, e.g. MCM_API_PASSWORD for mcm_api, else none: trust or a client certificate). TLS parameters in the
 * query string are kept.
 */
export type RolePasswords = { [R in typeof OWNER_ROLE | ServiceRole as `${Uppercase<R>}_PASSWORD`]?: string };

export function roleDatabaseUrl(url: string, role: string, passwords: RolePasswords): string {
  const target = new URL(url);
  target.username = encodeURIComponent(role);
  const password = (passwords as Record<string, string | undefined>)[`${role.toUpperCase()}_PASSWORD`];
  target.password = password ? encodeURIComponent(password) : '';
  return target.toString();
}
