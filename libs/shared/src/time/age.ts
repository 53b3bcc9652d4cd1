import { londonOffsetMs } from './iso-week';

/**
 * Ages are in completed years on the Europe/London calendar date (a birthday starts at 00:00
 * London time, so a child born on 1 June is 18 from 23:00 UTC on 31 May in summer time). One
 * implementation for ingest's age rule, the 18th-birthday end of episodes and the age bands.
 */

/** The instant (epoch ms) of 00:00 London time on a calendar date `YYYY-MM-DD`. */
export function londonMidnightMs(date: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // London changes offset at 01:00 UTC, so the offset at 00:00 UTC is the one in force at local 00:00.
  return utcMidnight - londonOffsetMs(new Date(utcMidnight));
}

/** Completed years on the London date of `atMs` for a full date of birth (`YYYY-MM-DD`). */
export function ageOnLondonDate(dateOfBirth: string, atMs: number): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const local = new Date(atMs + londonOffsetMs(new Date(atMs)));
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  return local.getUTCFullYear() - y - (month < m || (month === m && day < d) ? 1 : 0);
}

/** The latest day a full or partial date of birth allows, or null when it is not a calendar date. */
export function latestBirthDate(dob: string): Date | null {
  const [y, m, d] = dob.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return null;
  if (d !== undefined) {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 ? date : null;
  }
  return m !== undefined ? new Date(Date.UTC(y, m, 0)) : new Date(Date.UTC(y, 11, 31));
}

/**
 * 00:00 London time on the 18th birthday of someone born on the calendar day `birth` (a UTC
 * midnight, as latestBirthDate gives). Born on 29 February: 1 March in a common year.
 */
export function eighteenthBirthday(birth: Date): Date {
  const birthday = new Date(Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate()));
  return new Date(londonMidnightMs(birthday.toISOString().slice(0, 10)));
}

/**
 * When a child leaves the scope of the statistics: 00:00 London time on the 18th birthday from the
 * latest date of birth the record allows (a full date; the last day of a partial one's month or
 * year). Without a usable date of birth, the latest possible one is the day the episode started
 * (no child is born after going missing), so the bound is that day's 18th anniversary.
 */
export function scopeEndMs(dateOfBirth: string | undefined, startedAtMs: number): number {
  const latest = dateOfBirth === undefined ? null : latestBirthDate(dateOfBirth);
  const birth = latest !== null && !Number.isNaN(latest.getTime()) ? latest : new Date(Date.parse(`${londonDateOf(startedAtMs)}T00:00:00Z`));
  return eighteenthBirthday(birth).getTime();
}

function londonDateOf(ms: number): string {
  return new Date(ms + londonOffsetMs(new Date(ms))).toISOString().slice(0, 10);
}
