/**
 * Agency reporting completeness as analysts see it: agencies grouped by type and region, counts
 * of events rounded to the nearest 10 (DfE style: 1 to 4 events shows as 0) and times to the day.
 * Events have no record keys, so rounding (not the cell-key method) protects them; a group holds
 * every agency of its type in its region, so no school, council or force is shown on its own.
 * Per-agency detail is for operators and admins (apps/api).
 */
export interface AgencyActivityFigures {
  agencyType: string;
  /** The agency's region (E12...), or UNKNOWN where reference data has none (police forces, schools). */
  regionCode: string;
  eventsThisWeek: number;
  /** Events in the weeks before the week (over `weeksBefore` weeks). */
  eventsBefore: number;
  weeksBefore: number;
  /** Events and the sum of their reporting lags (hours) up to the end of the week. */
  eventsToDate: number;
  lagHoursSum: number;
  lastReportedAt: Date | null;
  /** Implied returns in the week (docs/events.md: episodes without a reported return ended by the child's next episode). */
  impliedReturnsThisWeek?: number;
}

export interface CompletenessGroup {
  agencyType: string;
  regionCode: string;
  /** Agencies of this type in this region that have ever reported up to the week (organisations, not children: exact). */
  agencies: number;
  /** Of those, how many reported at least one event in the week (exact). */
  agenciesReporting: number;
  /** Events in the week, rounded to the nearest 10. */
  eventsThisWeek: number;
  /** Mean events per week over the weeks before, rounded to the nearest 10. */
  usualWeeklyEvents: number;
  /** Mean reporting lag, whole hours. */
  meanLagHours: number | null;
  /** The London date of the group's latest event up to the week's end: no time of day. */
  lastEventDate: string | null;
  /** Whole days from the group's latest event to the end of the week. */
  silentDays: number | null;
  /** Implied returns in the week (a data-quality measure: returns the agencies did not report), rounded to the nearest 10. */
  impliedReturnsThisWeek: number;
}

export const COMPLETENESS_ROUNDING_BASE = 10;

/** Rounds half up to a multiple of `base`. */
export function roundToBase(n: number, base = COMPLETENESS_ROUNDING_BASE): number {
  return Math.floor(n / base + 0.5) * base;
}

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Groups agencies by type and region; `weekEnd` is the instant the week ends (exclusive). */
export function aggregateCompleteness(agencies: readonly AgencyActivityFigures[], weekEnd: Date): CompletenessGroup[] {
  const groups = new Map<string, AgencyActivityFigures[]>();
  for (const a of agencies) {
    const key = `${a.agencyType}|${a.regionCode}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(a);
  }
  return [...groups.values()]
    .map((members) => {
      const sum = (f: (a: AgencyActivityFigures) => number) => members.reduce((s, a) => s + f(a), 0);
      const last = members.reduce<Date | null>((m, a) => (a.lastReportedAt && (!m || a.lastReportedAt > m) ? a.lastReportedAt : m), null);
      const eventsToDate = sum((a) => a.eventsToDate);
      const weeksBefore = Math.max(1, members[0].weeksBefore);
      return {
        agencyType: members[0].agencyType,
        regionCode: members[0].regionCode,
        agencies: members.length,
        agenciesReporting: members.filter((a) => a.eventsThisWeek > 0).length,
        eventsThisWeek: roundToBase(sum((a) => a.eventsThisWeek)),
        usualWeeklyEvents: roundToBase(sum((a) => a.eventsBefore) / weeksBefore),
        meanLagHours: eventsToDate > 0 ? Math.round(sum((a) => a.lagHoursSum) / eventsToDate) : null,
        lastEventDate: last ? londonDate.format(last) : null,
        silentDays: last ? Math.floor((weekEnd.getTime() - last.getTime()) / 86_400_000) : null,
        impliedReturnsThisWeek: roundToBase(sum((a) => a.impliedReturnsThisWeek ?? 0)),
      };
    })
    .sort((a, b) => a.agencyType.localeCompare(b.agencyType) || a.regionCode.localeCompare(b.regionCode));
}
