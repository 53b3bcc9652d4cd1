import { EpisodeEvent } from '@mcm/incidence';
import { NewAgencyEventRow, StoredEventRow } from '@mcm/persistence';
import { AgencyEvent } from '@mcm/shared';

/** An accepted event with the Kafka position it was read from. */
export interface PositionedEvent {
  event: AgencyEvent;
  partition: number;
  offset: string;
}

/**
 * Facts kept beside each event (no identifying attribute: those go to the identity table). The
 * responsible LA is a geography, not an identity: kept here, it places the event's own episode.
 */
export function eventFacts(e: AgencyEvent): Record<string, unknown> {
  return {
    responsibleLaCode: e.child.responsibleLaCode,
    careMissingType: e.careMissingType,
    riskGrade: e.riskGrade,
    returnInterviewOffered: e.returnInterviewOffered,
    missingSince: e.missingSince,
    correction: e.correction,
  };
}

/** An accepted event as `agency_event` keeps it: no identifying attribute (those go to the identity table). */
export function agencyEventRow({ event: e, partition, offset }: PositionedEvent): NewAgencyEventRow {
  return {
    event_id: e.eventId,
    kind: e.kind,
    setting: e.setting,
    agency_type: e.agency.type,
    agency_code: e.agency.code,
    agency_child_ref: e.agencyChildRef,
    agency_episode_ref: e.agencyEpisodeRef,
    occurred_at: e.occurredAt,
    reported_at: e.reportedAt,
    facts: eventFacts(e),
    source_partition: partition,
    source_offset: offset,
  };
}

const ms = (iso: unknown) => (typeof iso === 'string' ? Date.parse(iso) : undefined);

export function toEpisodeEvent(row: StoredEventRow): EpisodeEvent {
  const f = row.facts as {
    responsibleLaCode?: string;
    careMissingType?: 'M' | 'A';
    riskGrade?: EpisodeEvent['riskGrade'];
    returnInterviewOffered?: boolean;
    correction?: Record<string, unknown>;
  };
  const c = f.correction;
  return {
    eventId: row.event_id,
    reportedAt: row.reported_at,
    kind: row.kind,
    setting: row.setting,
    agencyCode: row.agency_code,
    agencyChildRef: row.agency_child_ref,
    agencyEpisodeRef: row.agency_episode_ref,
    occurredAt: row.occurred_at,
    careMissingType: f.careMissingType,
    riskGrade: f.riskGrade,
    returnInterviewOffered: f.returnInterviewOffered,
    responsibleLaCode: f.responsibleLaCode,
    correction: c && {
      missingFrom: ms(c.missingFrom),
      returnedAt: ms(c.returnedAt),
      riskGrade: c.riskGrade as EpisodeEvent['riskGrade'],
      careMissingType: c.careMissingType as 'M' | 'A' | undefined,
    },
  };
}

/** The episode facts of an event not yet read back from the store (the same as after storing it). */
export function episodeEventOf(e: AgencyEvent): EpisodeEvent {
  return toEpisodeEvent({
    event_id: e.eventId,
    kind: e.kind,
    setting: e.setting,
    agency_code: e.agency.code,
    agency_child_ref: e.agencyChildRef,
    agency_episode_ref: e.agencyEpisodeRef,
    occurred_at: Date.parse(e.occurredAt),
    reported_at: Date.parse(e.reportedAt),
    facts: eventFacts(e),
  });
}
