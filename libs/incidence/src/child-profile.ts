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

/**
 * Folds new observations into a stored profile. Each attribute keeps the value of the greatest
 * (reportedAt, eventId) that states it, so the result equals foldChildProfile over all reports,
 * whatever order they arrive in. Returns null when nothing changed.
 */
export function mergeIntoProfile(profile: ChildProfile | undefined, observations: readonly IdentityObservation[]): ChildProfile | null {
  const merged: ChildProfile = { attributes: { ...profile?.attributes }, provenance: { ...profile?.provenance } };
  let changed = profile === undefined;
  for (const o of observations) {
    for (const [field, value] of Object.entries(o.attributes) as [keyof ChildAttributes, string][]) {
      const source = merged.provenance[field];
      if (source && byReportOrder({ reportedAt: source[0], eventId: source[1] }, o) >= 0) continue;
      merged.provenance[field] = [o.reportedAt, o.eventId];
      if (merged.attributes[field] !== value) {
        (merged.attributes as Record<string, string>)[field] = value;
        changed = true;
      }
    }
  }
  return changed ? merged : null;
}
