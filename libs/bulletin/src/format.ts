import { londonOffsetMs } from '@mcm/shared';
import { Published } from './bulletin.model';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Escapes text for HTML and XML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function assertFinite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${what} is not a finite number: ${value}`);
  return value;
}

/** 12345 -> "12,345"; 12.345 with dp 1 -> "12.3". */
export function formatNumber(value: number, dp = 0): string {
  const fixed = roundTo(value, dp).toFixed(dp);
  const [whole, fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** Rounds half away from zero at dp decimal places, without binary-fraction surprises. */
export function roundTo(value: number, dp: number): number {
  const factor = 10 ** dp;
  const rounded = (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(15)))) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A published cell for display: numbers grouped, symbols as they are. */
export function formatPublished(value: Published | undefined, dp = 0): string {
  if (value === undefined) return 'x';
  return typeof value === 'number' ? formatNumber(assertFinite(value, 'published value'), dp) : value;
}

/** '2026-11-16' -> "16 November 2026". */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** '2026-11-16' -> "16 Nov". */
export function formatShortDate(isoDate: string): string {
  const [, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!m || !d) return isoDate;
  return `${d} ${MONTHS[m - 1].slice(0, 3)}`;
}

/**
 * A time in London, GOV.UK style: "Monday 23 November 2026 at 9:30am". Takes an ISO instant,
 * a London wall-clock time ("2026-11-30T09:30:00 Europe/London") or a date ("2026-11-30").
 */
export function formatDateTime(instant: string): string {
  const wallClock = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s+Europe\/London$/.exec(instant.trim());
  let local: Date;
  if (wallClock) {
    local = new Date(`${wallClock[1]}T${wallClock[2]}:${wallClock[3]}:00Z`);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(instant.trim())) {
    const date = new Date(`${instant.trim()}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? instant : `${WEEKDAYS[date.getUTCDay()]} ${formatDate(instant.trim())}`;
  } else {
    const t = Date.parse(instant);
    if (Number.isNaN(t)) return instant;
    local = new Date(t + londonOffsetMs(new Date(t)));
  }
  if (Number.isNaN(local.getTime())) return instant;
  const hours = local.getUTCHours();
  const minutes = local.getUTCMinutes();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? 'am' : 'pm';
  const time =
    minutes === 0 && hours === 12
      ? 'midday'
      : minutes === 0 && hours === 0
        ? 'midnight'
        : minutes === 0
          ? `${h12}${suffix}`
          : `${h12}:${String(minutes).padStart(2, '0')}${suffix}`;
  return `${WEEKDAYS[local.getUTCDay()]} ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} at ${time}`;
}

/** '2026-W47' -> { year: 2026, week: 47 }. */
export function parseWeekLabel(label: string): { year: number; week: number } {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) throw new RangeError(`not an ISO week label: ${label}`);
  return { year: Number(match[1]), week: Number(match[2]) };
}

export interface Change {
  /** 'up', 'down' or 'no change', so that direction never rests on colour. */
  direction: 'up' | 'down' | 'same';
  difference: number;
  /** Percentage change, or null when the comparison value is zero. */
  percent: number | null;
  /** "up 12 (4.1%)", "down 3.5 (1.0%)", "no change". */
  words: string;
}

export function change(current: number, comparison: number, dp = 0): Change {
  const difference = roundTo(current - comparison, dp);
  const percent = comparison === 0 ? null : roundTo(((current - comparison) / comparison) * 100, 1);
  if (difference === 0) return { direction: 'same', difference, percent: 0, words: 'no change' };
  const direction = difference > 0 ? 'up' : 'down';
  const pct = percent === null ? '' : ` (${formatNumber(Math.abs(percent), 1)}%)`;
  return { direction, difference, percent, words: `${direction} ${formatNumber(Math.abs(difference), dp)}${pct}` };
}
