/**
 * Weeks are ISO weeks (Monday to Sunday) of the calendar in Europe/London. UK summer time runs
 * from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October
 * (Summer Time Order 2002); computing it directly is exact and far faster than Intl.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = Date.UTC(year, monthIndex + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY_MS;
}

export function londonOffsetMs(instant: Date): number {
  const t = instant.getTime();
  const year = instant.getUTCFullYear();
  const bstStart = lastSundayUtc(year, 2) + HOUR_MS;
  const bstEnd = lastSundayUtc(year, 9) + HOUR_MS;
  return t >= bstStart && t < bstEnd ? HOUR_MS : 0;
}

/** The London calendar date (YYYY-MM-DD) of an instant. */
export function londonDate(instant: Date): string {
  return new Date(instant.getTime() + londonOffsetMs(instant)).toISOString().slice(0, 10);
}

/**
 * London's offset from UTC changes only on the hour, so every instant of one UTC hour has the
 * same week: the aggregator asks for the weeks of the same hours again and again.
 */
const weekOfHour = new Map<number, string>();

/** Monday (YYYY-MM-DD, London calendar) of the ISO week containing the instant. */
export function weekCommencing(instant: Date): string {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  const known = weekOfHour.get(hour);
  if (known !== undefined) return known;
  if (weekOfHour.size >= 200_000) weekOfHour.clear();
  const week = computeWeekCommencing(instant);
  if (!Number.isNaN(hour)) weekOfHour.set(hour, week);
  return week;
}

function computeWeekCommencing(instant: Date): string {
  const local = new Date(instant.getTime() + londonOffsetMs(instant));
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const mondayBased = (local.getUTCDay() + 6) % 7;
  return new Date(midnight - mondayBased * DAY_MS).toISOString().slice(0, 10);
}

/** Adds whole weeks to a week-commencing date. */
export function addWeeks(weekStart: string, weeks: number): string {
  return new Date(Date.parse(`${weekStart}T00:00:00Z`) + weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}

export function weeksBetween(fromWeekStart: string, toWeekStart: string): number {
  return Math.round((Date.parse(`${toWeekStart}T00:00:00Z`) - Date.parse(`${fromWeekStart}T00:00:00Z`)) / (7 * DAY_MS));
}

/** ISO week label of a week-commencing date, e.g. "2026-W47". */
export function isoWeekLabel(weekStart: string): string {
  const monday = new Date(`${weekStart}T00:00:00Z`);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** Week-commencing date of an ISO week label ("2026-W47"), or null if the label is invalid. */
export function weekStartOfLabel(label: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const start = new Date(week1Monday + (week - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  return week >= 1 && isoWeekLabel(start) === label ? start : null;
}

/** The instant (UTC) at which a London week ends: Monday 00:00 London time of the next week. */
export function weekEndInstant(weekStart: string): Date {
  const nextMondayUtcMidnight = Date.parse(`${addWeeks(weekStart, 1)}T00:00:00Z`);
  // London midnight is 00:00 UTC in winter and 23:00 UTC the day before in summer.
  return new Date(nextMondayUtcMidnight - londonOffsetMs(new Date(nextMondayUtcMidnight - HOUR_MS)));
}
