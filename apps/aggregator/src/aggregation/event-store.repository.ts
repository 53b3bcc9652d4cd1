import { ChildIdentityRepository, epochMs } from '@mcm/persistence';
import { EntityManager } from 'typeorm';
import { eventFacts, PositionedEvent, StoredEventRow } from './accepted-event';

export interface AgencyRef {
  agencyCode: string;
  ref: string;
}

/** Accepted events and the identity each stated. Set-based: one statement per step. */
export class EventStoreRepository {
  constructor(private readonly identities: ChildIdentityRepository) {}

  /** Inserts the events not seen before and returns them (eventId is the idempotency key). */
  async insertNew(db: EntityManager, events: PositionedEvent[]): Promise<PositionedEvent[]> {
    // An eventId names one fact: the first with it counts, here as in the store (docs/events.md).
    const unique = new Map<string, PositionedEvent>();
    for (const p of events) if (!unique.has(p.event.eventId)) unique.set(p.event.eventId, p);
    const rows = [...unique.values()].map(({ event: e, partition, offset }) => ({
      event_id: e.eventId, kind: e.kind, setting: e.setting, agency_type: e.agency.type, agency_code: e.agency.code,
      agency_child_ref: e.agencyChildRef, agency_episode_ref: e.agencyEpisodeRef, occurred_at: e.occurredAt,
      reported_at: e.reportedAt, facts: eventFacts(e), source_partition: partition, source_offset: offset,
    }));
    const inserted: { event_id: string }[] = await db.query(
      `INSERT INTO agency_event (event_id, kind, setting, agency_type, agency_code, agency_child_ref, agency_episode_ref,
                                 occurred_at, reported_at, facts, source_partition, source_offset)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, kind text, setting text, agency_type text,
         agency_code text, agency_child_ref text, agency_episode_ref text, occurred_at timestamptz, reported_at timestamptz,
         facts jsonb, source_partition int, source_offset bigint)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [JSON.stringify(rows)],
    );
    const fresh = inserted.map((r) => unique.get(r.event_id)!);
    await this.identities.insertObservations(db, fresh.map(({ event: e }) => ({
      eventId: e.eventId, agencyCode: e.agency.code, agencyChildRef: e.agencyChildRef, reportedAt: Date.parse(e.reportedAt), attributes: e.child,
    })));
    return fresh;
  }

  /** Every stored event of the given agency episodes. */
  eventsOfEpisodes(db: EntityManager, episodes: AgencyRef[]): Promise<StoredEventRow[]> {
    return db.query(
      `SELECT e.event_id, e.kind, e.setting, e.agency_code, e.agency_child_ref, e.agency_episode_ref,
              ${epochMs('e.occurred_at')} AS occurred_at, ${epochMs('e.reported_at')} AS reported_at, e.facts
         FROM agency_event e
         JOIN unnest($1::text[], $2::text[]) AS t(agency_code, ref) ON e.agency_code = t.agency_code AND e.agency_episode_ref = t.ref`,
      [episodes.map((r) => r.agencyCode), episodes.map((r) => r.ref)],
    );
  }
}
