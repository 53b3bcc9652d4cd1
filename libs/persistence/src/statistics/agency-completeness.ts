import { addWeeks, ReferenceData } from '@mcm/shared';
import { AgencyFigures } from './statistics-figures.repository';

export interface AgencyCompleteness {
  agencyType: string;
  agencyCode: string;
  agencyName: string;
  lastEventAt: string | null;
  eventsThisWeek: number;
  /** Mean events per week over the eight weeks before. */
  usualWeeklyEvents: number;
  meanLagHours: number | null;
  /** Days from the last event to the end of the week. */
  silentDays: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One agency's reporting completeness for a week: the bulletin's notes and the API's answer. */
export function agencyCompleteness(a: AgencyFigures, reference: ReferenceData, weekStart: string): AgencyCompleteness {
  const weekEnd = Date.parse(`${addWeeks(weekStart, 1)}T00:00:00Z`);
  return {
    agencyType: a.agencyType,
    agencyCode: a.agencyCode,
    agencyName: reference.policeForces.get(a.agencyCode)?.name ?? reference.localAuthorities.get(a.agencyCode)?.name ?? `School URN ${a.agencyCode}`,
    lastEventAt: a.lastReportedAt?.toISOString() ?? null,
    eventsThisWeek: a.eventsThisWeek,
    usualWeeklyEvents: round1(a.eventsBefore / a.weeksBefore),
    meanLagHours: a.lagHours === null ? null : round1(Number(a.lagHours)),
    silentDays: a.lastReportedAt ? Math.floor((weekEnd - a.lastReportedAt.getTime()) / 86_400_000) : null,
  };
}
