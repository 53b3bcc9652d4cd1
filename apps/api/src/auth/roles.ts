import { DisclosureMode } from '@mcm/disclosure';

/**
 * Roles (issues 5 and 10): analysts see aggregates through the cell-key method of disclosure
 * control, at every level; statisticians alone see exact aggregates; data stewards work the
 * linkage review queue; operators watch agencies' reporting (per-agency completeness); admins see
 * all the API serves, aggregates protected as analysts see them. The audit trail is not served:
 * its owner reads it with `npm run audit`.
 */
export const ROLES = ['analyst', 'statistician', 'data-steward', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AuthenticatedUser {
  sub: string;
  role: Role;
}

/** Roles that may read aggregate figures. */
export const AGGREGATE_READERS: Role[] = ['analyst', 'statistician', 'admin'];
/** Roles that may read reporting completeness, and those that see it per agency. */
export const COMPLETENESS_READERS: Role[] = ['analyst', 'statistician', 'operator', 'admin'];
export const seesAgencyDetail = (role: Role): boolean => role === 'operator' || role === 'admin';
/** Exact figures are for statisticians only: every other role gets the cell-key method's. */
export const seesExact = (role: Role): boolean => role === 'statistician';
export const disclosureModeOf = (role: Role): DisclosureMode => (seesExact(role) ? 'exact' : 'cell-key');
