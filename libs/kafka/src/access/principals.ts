import { ADMIN_PRINCIPAL } from '../kafka-client';

/**
 * Principal names (the CN of each client certificate). Services and agencies are named within an
 * environment (its topic prefix), so a test's identities and grants never reach another's topics.
 */
export function servicePrincipal(service: 'ingest' | 'aggregator' | 'api', prefix = ''): string {
  return `${prefix}mcm-${service}`;
}

/**
 * An agency's principal. Its first onboarding is `agency.<code>`; each later one (after a
 * revocation, or a re-issue) gets `agency.<code>.r<n>`, so a certificate from an earlier
 * onboarding, stolen or not, maps to a principal that has no grant left. The certificate files
 * are always named after the first form.
 */
export function agencyPrincipal(agencyCode: string, prefix = '', onboarding = 1): string {
  return `${prefix}agency.${agencyCode}${onboarding > 1 ? `.r${onboarding}` : ''}`;
}

/** Which onboarding of its agency a principal is (1 for `agency.<code>`). */
export function onboardingOf(principal: string): number {
  const match = /\.r(\d+)$/.exec(principal);
  return match ? Number(match[1]) : 1;
}

/** The consumer group a service consumes with (its ACLs name exactly this group). */
export function serviceGroup(service: 'ingest' | 'aggregator', prefix = ''): string {
  return `${prefix}mcm-${service}`;
}

/** Consumer groups an agency may use to read its own rejections: `<principal>.<anything>`. */
export function agencyGroupPrefix(agencyCode: string, prefix = '', onboarding = 1): string {
  return `${agencyPrincipal(agencyCode, prefix, onboarding)}.`;
}

export { ADMIN_PRINCIPAL };
