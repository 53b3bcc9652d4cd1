import * as fc from 'fast-check';
import { addWeeks, isoWeekLabel, londonDate, weekCommencing, weekEndInstant, weekStartOfLabel } from '.';

const londonParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
function intlLondonDate(d: Date): string {
  const p = Object.fromEntries(londonParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

describe('London ISO weeks', () => {
  it('agrees with the IANA time zone database for any instant 2000-2040', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (t) => {
        expect(londonDate(new Date(t))).toBe(intlLondonDate(new Date(t)));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives an instant every 37 minutes of a year the week of its London date (the per-hour memo is exact)', () => {
    const mondayOf = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) - ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 37 * 60_000) {
      // Asked twice: the second answer comes from the memo.
      expect([weekCommencing(new Date(t)), weekCommencing(new Date(t + 59_000))]).toEqual([
        mondayOf(intlLondonDate(new Date(t))),
        mondayOf(intlLondonDate(new Date(t + 59_000))),
      ]);
    }
  });

  it('puts the hour after a Sunday midnight in summer in the next week', () => {
    // 2026-03-29 is the BST start; Sunday 2026-06-14 23:30 UTC is Monday 00:30 in London.
    expect(weekCommencing(new Date('2026-06-14T23:30:00Z'))).toBe('2026-06-15');
    expect(weekCommencing(new Date('2026-06-14T22:59:59Z'))).toBe('2026-06-08');
    // In winter London is UTC.
    expect(weekCommencing(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-16');
  });

  it('handles the clock changes themselves', () => {
    expect(londonDate(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29');
    expect(weekCommencing(new Date('2026-03-29T23:00:00Z'))).toBe('2026-03-30');
    expect(weekCommencing(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-19');
    expect(weekCommencing(new Date('2026-10-26T00:00:00Z'))).toBe('2026-10-26');
  });

  it('labels ISO weeks including week 53 and round-trips labels', () => {
    expect(isoWeekLabel('2026-11-16')).toBe('2026-W47');
    expect(isoWeekLabel('2020-12-28')).toBe('2020-W53');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(weekStartOfLabel('2026-W47')).toBe('2026-11-16');
    expect(weekStartOfLabel('2021-W53')).toBeNull();
    expect(weekStartOfLabel('2026-47')).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        const week = addWeeks('2000-01-03', n);
        expect(weekStartOfLabel(isoWeekLabel(week))).toBe(week);
      }),
    );
  });

  it('ends a summer week at 23:00 UTC on Sunday and a winter week at midnight UTC', () => {
    expect(weekEndInstant('2026-06-08').toISOString()).toBe('2026-06-14T23:00:00.000Z');
    expect(weekEndInstant('2026-11-16').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weekEndInstant('2026-10-19').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});
