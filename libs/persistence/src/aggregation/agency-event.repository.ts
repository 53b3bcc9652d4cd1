import type { EventKind, Setting } from '@mcm/shared';
import { epochMs } from '../epoch-ms';
import { Db } from './transaction';

/** An agency's own reference (to a child or an episode). */
export interface AgencyRef {
  agencyCode: string;
  ref: string;
}

/** An accepted event as the `agency_event` table keeps it (no identifying attribute). */
export interface NewAgencyEventRow {
  event_id: string;
  kind: EventKind;
  setting: Setting;
  agency_type: string;
  agency_code: string;
  agency_child_ref: string;
  agency_episode_ref: string;
  /** ISO 8601 instants, as the contract states them. */
  occurred_at: string;
  reported_at: string;
  facts: Record<string, unknown>;
  source_partition: number;
  source_offset: string;
}

export interface StoredEventRow {
  event_id: string;
  kind: EventKind;
  setting: Setting;
  agency_code: string;
  agency_child_ref: string;
  agency_episode_ref: string;
  /** Epoch milliseconds. */
  occurred_at: number;
  reported_at: number;
  facts: Record<string, unknown>;
}

/** `agency_event`: every accepted event once. Set-based: one statement per call. */
export class AgencyEventRepository {
  /** Inserts the rows whose event id is new and returns those ids (the idempotency key). */
  async insertNew(db: Db, rows: NewAgencyEventRow[]): Promise<string[]> {
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
    return inserted.map((r) => r.event_id);
  }

  /** Every stored event of the given agency episodes. */
  eventsOfEpisodes(db: Db, episodes: AgencyRef[]): Promise<StoredEventRow[]> {
    return db.query(
      `SELECT e.event_id, e.kind, e.setting, e.agency_code, e.agency_child_ref, e.agency_episode_ref,
              ${epochMs('e.occurred_at')} AS occurred_at, ${epochMs('e.reported_at')} AS reported_at, e.facts
         FROM agency_event e
         JOIN unnest($1::text[], $2::text[]) AS t(agency_code, ref) ON e.agency_code = t.agency_code AND e.agency_episode_ref = t.ref`,
      [episodes.map((r) => r.agencyCode), episodes.map((r) => r.ref)],
    );
  }
}
