/**
 * Roles (issue 5): analysts see aggregates with disclosure control always applied; statisticians
 * see unsuppressed aggregates; data stewards work the linkage review queue; admins see all
 * the API serves. The audit trail is not served: its owner reads it with `npm run audit`.
 */
export const ROLES = ['analyst', 'statistician', 'data-steward', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AuthenticatedUser {
  sub: string;
  role: Role;
}

/** Roles that may read aggregate figures, and whether they see them without suppression. */
export const AGGREGATE_READERS: Role[] = ['analyst', 'statistician', 'admin'];
export const seesUnsuppressed = (role: Role): boolean => role === 'statistician' || role === 'admin';
