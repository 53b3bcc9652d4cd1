import { AgencyEventRepository, ChildIdentityRepository, Db } from '@mcm/persistence';
import { agencyEventRow, PositionedEvent } from './accepted-event';

export type { AgencyRef } from '@mcm/persistence';

/** The store step: new accepted events into `agency_event`, and the identity each stated into the sealed observations. */
export class EventStoreRepository {
  constructor(
    private readonly identities: ChildIdentityRepository,
    private readonly events = new AgencyEventRepository(),
  ) {}

  /** Inserts the events not seen before and returns them (eventId is the idempotency key). */
  async insertNew(db: Db, batch: PositionedEvent[]): Promise<PositionedEvent[]> {
    // An eventId names one fact: the first with it counts, here as in the store (docs/events.md).
    const unique = new Map<string, PositionedEvent>();
    for (const p of batch) if (!unique.has(p.event.eventId)) unique.set(p.event.eventId, p);
    const inserted = await this.events.insertNew(db, [...unique.values()].map(agencyEventRow));
    const fresh = inserted.map((id) => unique.get(id)!);
    await this.identities.insertObservations(
      db,
      fresh.map(({ event: e }) => ({
        eventId: e.eventId,
        agencyCode: e.agency.code,
        agencyChildRef: e.agencyChildRef,
        reportedAt: Date.parse(e.reportedAt),
        attributes: e.child,
      })),
    );
    return fresh;
  }
}
