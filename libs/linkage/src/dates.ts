/** A date of birth that may be partial: year only, year and month, or a full date. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const ISO = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Reads YYYY-MM-DD, YYYY-MM, YYYY, YYYYMMDD and DD/MM/YYYY (also with - or . separators).
 * Returns undefined for a blank or unreadable value; an impossible month or day is dropped,
 * leaving the parts that are valid (a partial date).
 */
export function parseDate(raw: string | undefined | null): PartialDate | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  let y: number;
  let m: number | undefined;
  let d: number | undefined;
  let match = COMPACT.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = ISO.exec(text))) {
    y = Number(match[1]);
    m = match[2] === undefined ? undefined : Number(match[2]);
    d = match[3] === undefined ? undefined : Number(match[3]);
  } else if ((match = DMY.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  if (y < 1000 || y > 2999) return undefined;
  if (m === undefined || m < 1 || m > 12) return { year: y };
  if (d === undefined || d < 1 || d > daysInMonth(y, m)) return { year: y, month: m };
  return { year: y, month: m, day: d };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDate(date: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
