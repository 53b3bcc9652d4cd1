import { addWeeks, ReferenceData } from '@mcm/shared';
import { aggregateCompleteness, CompletenessGroup } from './completeness';

/** One agency's reporting up to a week (agency_activity, agency_implied_return): what both completeness views are made from. */
export interface AgencyFigures {
  agencyCode: string;
  agencyType: string;
  lastReportedAt: Date | null;
  eventsThisWeek: number;
  eventsBefore: number;
  weeksBefore: number;
  lagHours: number | null;
  /** Events up to the end of the week and the sum of their reporting lags (hours). */
  eventsToDate: number;
  lagHoursSum: number;
  /**
   * Implied returns (docs/events.md): the agency's episodes without a reported return that the
   * child's next episode ended, in the week (by the London week of the implied end) and to its end.
   */
  impliedReturnsThisWeek: number;
  impliedReturnsToDate: number;
}

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
  /** Episodes without a reported return that the child's next episode ended (docs/events.md): in the week, and to its end. */
  impliedReturnsThisWeek: number;
  impliedReturnsToDate: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One agency's reporting completeness for a week, exact: operators' and admins' view (the API). */
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
    impliedReturnsThisWeek: a.impliedReturnsThisWeek ?? 0,
    impliedReturnsToDate: a.impliedReturnsToDate ?? 0,
  };
}

/**
 * The English region of each police force area (E23 codes; ONS police force area to region
 * lookup). Welsh forces and anything unlisted have no English region.
 */
const POLICE_FORCE_REGION: Record<string, string> = Object.fromEntries(
  [
    ['E12000007', [1, 34]],
    ['E12000002', [2, 3, 4, 5, 6]],
    ['E12000001', [7, 8, 13]],
    ['E12000003', [9, 10, 11, 12]],
    ['E12000005', [14, 15, 16, 17]],
    ['E12000004', [18, 19, 20, 21, 22]],
    ['E12000006', [23, 24, 25, 26, 27, 28]],
    ['E12000008', [29, 30, 31, 32, 33]],
    ['E12000009', [35, 36, 37, 38, 39]],
  ].flatMap(([region, forces]) => (forces as number[]).map((n) => [`E23${String(n).padStart(6, '0')}`, region as string])),
);

/**
 * The region an agency's completeness is grouped under: a council's own region, a police force
 * area's region, or `UNKNOWN` (schools, whose URN carries no geography in the reference data,
 * and Welsh forces).
 */
export function agencyRegionCode(agencyType: string, agencyCode: string, reference: ReferenceData): string {
  if (agencyType === 'LOCAL_AUTHORITY') return reference.localAuthorities.get(agencyCode)?.regionCode ?? 'UNKNOWN';
  if (agencyType === 'POLICE') return POLICE_FORCE_REGION[agencyCode] ?? 'UNKNOWN';
  return 'UNKNOWN';
}

/** A group of agencies of one type in one region, as analysts and the bulletin see it, with the region's name. */
export type NamedCompletenessGroup = CompletenessGroup & { regionName: string };

/**
 * The analysts' view of completeness, and the bulletin's: agencies grouped by type and region
 * (never one agency), counts rounded (`aggregateCompleteness`).
 */
export function groupedCompleteness(agencies: readonly AgencyFigures[], reference: ReferenceData, weekStart: string): NamedCompletenessGroup[] {
  const weekEnd = new Date(`${addWeeks(weekStart, 1)}T00:00:00Z`);
  return aggregateCompleteness(
    agencies.map((a) => ({ ...a, regionCode: agencyRegionCode(a.agencyType, a.agencyCode, reference) })),
    weekEnd,
  ).map((g) => ({ ...g, regionName: reference.regions.get(g.regionCode)?.name ?? 'Not available' }));
}
