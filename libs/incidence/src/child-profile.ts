import { ChildAttributes } from '@mcm/shared';
import { byReportOrder, Ordered } from './ordering';

export interface IdentityObservation extends Ordered {
  attributes: ChildAttributes;
}

/** For each attribute, the value from the latest report that states it (order-independent). */
export function foldChildProfile(observations: readonly IdentityObservation[]): ChildAttributes {
  const profile: ChildAttributes = {};
  for (const o of [...observations].sort(byReportOrder)) Object.assign(profile, o.attributes);
  return profile;
}

/** A folded profile plus, per attribute, the report it came from: lets new reports fold in alone. */
export interface ChildProfile {
  attributes: ChildAttributes;
  /** attribute -> [reportedAt (ms), eventId] of the report that set it. */
  provenance: Partial<Record<keyof ChildAttributes, [number, string]>>;
}

/** A profile after new observations, and the attributes whose value changed. */
export interface ProfileChange {
  profile: ChildProfile;
  changedFields: (keyof ChildAttributes)[];
}

/** The latest stored report that states an attribute (from the identity observations). */
export interface LatestStatement {
  value: string;
  reportedAt: number;
  eventId: string;
}

/** Per attribute, the latest statement among a child's observations (what settleChanges needs). */
export function latestStatements(observations: readonly IdentityObservation[]): Map<string, LatestStatement> {
  const latest = new Map<string, LatestStatement>();
  for (const o of observations) {
    for (const [field, value] of Object.entries(o.attributes)) {
      const current = latest.get(field);
      if (!current || byReportOrder(o, current) > 0) latest.set(field, { value: value as string, reportedAt: o.reportedAt, eventId: o.eventId });
    }
  }
  return latest;
}

/**
 * Folds new observations into a stored profile: each attribute takes the value of the greatest
 * (reportedAt, eventId) that states it. Returns null when no value changed: a later report that
 * only restates a value changes provenance alone, which is not stored (it would rewrite every
 * profile in every batch). Stored provenance can therefore be older than the truth, so a change
 * to a profile that already existed must be settled against the stored statements (see
 * settleChanges) before it is kept; the result then equals foldChildProfile over all reports,
 * whatever order they arrive in.
 */
export function mergeIntoProfile(profile: ChildProfile | undefined, observations: readonly IdentityObservation[]): ProfileChange | null {
  const merged: ChildProfile = { attributes: { ...profile?.attributes }, provenance: { ...profile?.provenance } };
  const changed = new Set<keyof ChildAttributes>();
  for (const o of observations) {
    for (const [field, value] of Object.entries(o.attributes) as [keyof ChildAttributes, string][]) {
      const source = merged.provenance[field];
      if (source && byReportOrder({ reportedAt: source[0], eventId: source[1] }, o) >= 0) continue;
      merged.provenance[field] = [o.reportedAt, o.eventId];
      if (merged.attributes[field] !== value) {
        (merged.attributes as Record<string, string>)[field] = value;
        changed.add(field);
      }
    }
  }
  const changedFields = [...changed].filter((f) => profile?.attributes[f] !== merged.attributes[f]);
  return profile === undefined || changedFields.length > 0
    ? { profile: merged, changedFields: profile === undefined ? [...changed] : changedFields }
    : null;
}

/**
 * Settles a change against the latest stored statement of each changed attribute (all reports so
 * far, this batch's included): a later statement, such as a restatement whose provenance was not
 * stored, wins. Returns the change that remains, or null when nothing does.
 */
export function settleChanges(before: ChildProfile, change: ProfileChange, latest: ReadonlyMap<string, LatestStatement>): ProfileChange | null {
  const { attributes, provenance } = change.profile;
  for (const field of change.changedFields) {
    const statement = latest.get(field);
    const source = provenance[field]!;
    if (statement && byReportOrder(statement, { reportedAt: source[0], eventId: source[1] }) > 0) {
      (attributes as Record<string, string>)[field] = statement.value;
      provenance[field] = [statement.reportedAt, statement.eventId];
    }
  }
  const changedFields = change.changedFields.filter((f) => before.attributes[f] !== attributes[f]);
  return changedFields.length > 0 ? { profile: change.profile, changedFields } : null;
}
