import { EpisodeEvent } from '@mcm/incidence';
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

export interface StoredEventRow {
  event_id: string;
  kind: EpisodeEvent['kind'];
  setting: EpisodeEvent['setting'];
  agency_code: string;
  agency_child_ref: string;
  agency_episode_ref: string;
  /** Epoch milliseconds. */
  occurred_at: number;
  reported_at: number;
  facts: ReturnType<typeof eventFacts>;
}

const ms = (iso: unknown) => (typeof iso === 'string' ? Date.parse(iso) : undefined);

export function toEpisodeEvent(row: StoredEventRow): EpisodeEvent {
  const f = row.facts as { responsibleLaCode?: string; careMissingType?: 'M' | 'A'; riskGrade?: EpisodeEvent['riskGrade']; returnInterviewOffered?: boolean; correction?: Record<string, unknown> };
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
    event_id: e.eventId, kind: e.kind, setting: e.setting, agency_code: e.agency.code, agency_child_ref: e.agencyChildRef,
    agency_episode_ref: e.agencyEpisodeRef, occurred_at: Date.parse(e.occurredAt), reported_at: Date.parse(e.reportedAt), facts: eventFacts(e),
  });
}
