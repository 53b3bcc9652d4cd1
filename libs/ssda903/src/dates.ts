import { londonOffsetMs } from '@mcm/shared';

const HOUR_MS = 3_600_000;
const DFE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A DfE date (dd/mm/yyyy; yyyy-mm-dd is also accepted because spreadsheets rewrite dates) as
 * YYYY-MM-DD, or null when it is not a date on the calendar.
 */
export function parseDfeDate(raw: string): string | null {
  const dfe = DFE_DATE.exec(raw);
  const iso = ISO_DATE.exec(raw);
  const [year, month, day] = dfe ? [dfe[3], dfe[2], dfe[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [NaN, NaN, NaN];
  if (Number.isNaN(year)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over into March: the day must survive the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** 00:00 Europe/London on a calendar date: the epoch milliseconds and RFC 3339 with its offset. */
export function londonMidnight(date: string): { epochMs: number; rfc3339: string } {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // London changes offset at 01:00 UTC, never near midnight: the offset an hour before UTC
  // midnight is the one in force at London midnight (as weekEndInstant in @mcm/shared does).
  const offsetMs = londonOffsetMs(new Date(utcMidnight - HOUR_MS));
  return { epochMs: utcMidnight - offsetMs, rfc3339: `${date}T00:00:00${offsetMs === 0 ? '+00:00' : '+01:00'}` };
}
