import { ADMIN_PRINCIPAL } from '../kafka-client';

/**
 * Principal names (the CN of each client certificate). Services and agencies are named within an
 * environment (its topic prefix), so a test's identities and grants never reach another's topics.
 */
export function servicePrincipal(service: 'ingest' | 'aggregator' | 'api', prefix = ''): string {
  return `${prefix}mcm-${service}`;
}

export function agencyPrincipal(agencyCode: string, prefix = ''): string {
  return `${prefix}agency.${agencyCode}`;
}

/** The consumer group a service consumes with (its ACLs name exactly this group). */
export function serviceGroup(service: 'ingest' | 'aggregator', prefix = ''): string {
  return `${prefix}mcm-${service}`;
}

/** Consumer groups an agency may use to read its own rejections: `<principal>.<anything>`. */
export function agencyGroupPrefix(agencyCode: string, prefix = ''): string {
  return `${agencyPrincipal(agencyCode, prefix)}.`;
}

export { ADMIN_PRINCIPAL };
