import { foldChildProfile, IdentityObservation } from '@mcm/incidence';
import { ChildAttributes, normaliseEvent } from '@mcm/shared';
import { SimEvent } from '../../simulator/src/sim-event';

/** One agency child of a simulated stream, folded as the aggregator folds it, with its true child. */
export interface SimulatedProfile {
  /** `${agency code}|${agencyChildRef}` */
  agencyChild: string;
  trueChildId: string;
  attributes: ChildAttributes;
}

/**
 * The agency child profiles a register would hold after the simulated stream: each agency
 * child's valid events normalised (as ingest does) and folded by report order (as the
 * aggregator does). Synthetic people only: safe to train a shipped model on.
 */
export function simulatedProfiles(events: Iterable<SimEvent>): SimulatedProfile[] {
  const byChild = new Map<string, { trueChildId: string; observations: IdentityObservation[] }>();
  for (const e of events) {
    if (!e.valid || e.event === null || e.trueChildId === null) continue;
    const event = normaliseEvent(e.event);
    const key = `${event.agency.code}|${event.agencyChildRef}`;
    const entry = byChild.get(key) ?? byChild.set(key, { trueChildId: e.trueChildId, observations: [] }).get(key)!;
    entry.observations.push({ eventId: event.eventId, reportedAt: Date.parse(event.reportedAt), attributes: event.child });
  }
  return [...byChild].map(([agencyChild, { trueChildId, observations }]) => ({
    agencyChild,
    trueChildId,
    attributes: foldChildProfile(observations),
  }));
}
