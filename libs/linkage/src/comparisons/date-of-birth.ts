import { RecordStore } from '../store';
import { Comparison, MISSING } from './comparison';

export const DOB_LEVELS = [
  'exact',
  'one_digit_or_day_month_transposed',
  'partial_agrees_year_month',
  'same_year_month',
  'partial_agrees_year',
  'within_one_year',
  'different',
] as const;

function digitDiffs(x: number, y: number, digits: number): number {
  let d = 0;
  for (let i = 0; i < digits; i++) {
    if (x % 10 !== y % 10) d++;
    x = Math.floor(x / 10);
    y = Math.floor(y / 10);
  }
  return d;
}

/** Date of birth, tolerant of one mistyped digit, day/month transposition and partial dates. */
export function dobLevel(s: RecordStore, a: number, b: number): number {
  const ya = s.year[a];
  const yb = s.year[b];
  if (ya === 0 || yb === 0) return MISSING;
  const ma = s.month[a];
  const mb = s.month[b];
  const da = s.day[a];
  const db = s.day[b];
  if (ma === 0 || mb === 0) return ya === yb ? 4 : Math.abs(ya - yb) <= 1 ? 5 : 6;
  if (da === 0 || db === 0) return ya === yb && ma === mb ? 2 : Math.abs(ya * 12 + ma - yb * 12 - mb) <= 12 ? 5 : 6;
  if (ya === yb && ma === mb && da === db) return 0;
  const diffs = digitDiffs(ya, yb, 4) + digitDiffs(ma, mb, 2) + digitDiffs(da, db, 2);
  if (diffs <= 1 || (ya === yb && ma === db && da === mb)) return 1;
  if (ya === yb && ma === mb) return 3;
  const months = Math.abs(ya * 12 + ma - (yb * 12 + mb));
  return months <= 12 ? 5 : 6;
}

export const dobComparison: Comparison = {
  name: 'dob',
  levels: DOB_LEVELS,
  compare: dobLevel,
  present: (s, a) => s.year[a] !== 0,
};
