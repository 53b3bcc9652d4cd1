import { londonOffsetMs } from '@mcm/shared';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR = 365.2425 * DAY;

const MILLIS_Z = /\.\d{3}Z$/;

/**
 * RFC 3339 in UTC with whole seconds: 2025-03-30T23:30:00Z. (replace() yields one flat string;
 * slice + concatenation would keep three string objects alive per timestamp.)
 */
export function utcInstant(ms: number): string {
  return new Date(ms).toISOString().replace(MILLIS_Z, 'Z');
}

/** RFC 3339 in London local time with its offset (+00:00 in winter, +01:00 in summer). */
export function londonInstant(ms: number): string {
  const offset = londonOffsetMs(new Date(ms));
  return new Date(ms + offset).toISOString().replace(MILLIS_Z, offset === 0 ? '+00:00' : '+01:00');
}

/** Midnight UTC of a YYYY-MM-DD date shifted by whole years (29 February rolls to 1 March). */
export function yearsAfter(date: string, years: number): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y + years, m - 1, d);
}

export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Floors an instant to whole seconds. */
export function floorSecond(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}
