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
