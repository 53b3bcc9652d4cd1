import { AgencyEvent, ChildAttributes } from '@mcm/shared';
import { isEighteenOrOverAt } from './age';
import { londonMidnight } from './dates';
import { deterministicUuid } from './deterministic-uuid';
import { MappedEpisode } from './types';

/**
 * The events of one Missing row: MISSING_REPORTED, RETURNED when MIS_END is given, and always an
 * EPISODE_CORRECTED that restates the whole row.
 *
 * Ids are derived, not random. MR and RT ids depend only on the episode (LA, CHILD, MIS_START),
 * so importing the same return again repeats them and the aggregator, which keeps the first
 * event of each eventId, ignores the repeats. The EC id also depends on everything the row says
 * (MISSING, MIS_END and the child's Header details): an unchanged row repeats its EC id (nothing
 * new downstream), a corrected row gets a new EC with this import's later reportedAt, and the
 * latest correction wins. The corrected end always wins over the RETURNED's occurredAt: the
 * aggregator applies correction.returnedAt whatever the order (foldAgencyEpisode in
 * libs/incidence/src/agency-episode.ts), and the stale RETURNED keeps its first eventId.
 *
 * What the fold cannot express, and so an import cannot either:
 * - a MIS_END removed by a later return: an EC without returnedAt leaves the earlier end (from
 *   the RETURNED and any earlier EC) in place, so the episode stays closed;
 * - a row reverted to values it had in an earlier import: its EC id is that earlier EC's id, so
 *   it is ignored and the intermediate correction keeps winning;
 * - a row deleted, or its MIS_START changed: the old episode stays (it would need a
 *   REPORT_WITHDRAWN, which needs the previous return to know about).
 */
export function episodeEvents(laCode: string, episode: MappedEpisode, importedAt: Date): AgencyEvent[] {
  const { childRef, child, missingType, start, end } = episode;
  const idOf = (...parts: (string | null)[]) => deterministicUuid(JSON.stringify([laCode, childRef, start, ...parts]));
  const reportedAt = importedAt.toISOString();
  const missingFrom = londonMidnight(start);
  const returned = end === undefined ? undefined : londonMidnight(end);
  const common = {
    schemaVersion: 1,
    setting: 'CARE',
    careMissingType: missingType,
    agency: { type: 'LOCAL_AUTHORITY', code: laCode },
    agencyChildRef: childRef,
    agencyEpisodeRef: `903.${start.replace(/-/g, '')}`,
    reportedAt,
  } as const;
  const childAt = (epochMs: number): ChildAttributes => {
    // Ingest checks the age against every event's occurredAt: an event dated after the 18th
    // birthday (an RT or EC of a 17-year-old's episode) would be rejected with its DOB, so it
    // goes without it; the MR, dated while the child was under 18, always carries it.
    const { dateOfBirth, ...rest } = child;
    return { ...rest, ...(isEighteenOrOverAt(dateOfBirth, epochMs) ? {} : { dateOfBirth }), responsibleLaCode: laCode };
  };
  const events: AgencyEvent[] = [
    { ...common, eventId: idOf('MR'), kind: 'MISSING_REPORTED', occurredAt: missingFrom.rfc3339, child: childAt(missingFrom.epochMs) },
  ];
  if (returned !== undefined) {
    events.push({
      ...common,
      eventId: idOf('RT'),
      kind: 'RETURNED',
      occurredAt: returned.rfc3339,
      missingSince: missingFrom.rfc3339,
      child: childAt(returned.epochMs),
    });
  }
  const restated = [missingType, end ?? null, child.sex, child.dateOfBirth, child.ethnicity, child.upn ?? null];
  events.push({
    ...common,
    eventId: idOf('EC', ...restated),
    kind: 'EPISODE_CORRECTED',
    // The decision is this import; reportedAt may not be earlier than occurredAt.
    occurredAt: reportedAt,
    child: childAt(importedAt.getTime()),
    correction: {
      missingFrom: missingFrom.rfc3339,
      ...(returned === undefined ? {} : { returnedAt: returned.rfc3339 }),
      careMissingType: missingType,
    },
  });
  return events;
}
