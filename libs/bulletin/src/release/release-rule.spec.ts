import { DEFAULT_RELEASE_RULE, lastCompleteWeek, reportedThrough, weekCompleteness } from './release-rule';
import { cellFlag, rowFlag } from './flags';

const rule = { activeAgencyWeeks: 8, latenessDays: 7 };
// Week 2026-W47 runs Monday 16 to Sunday 22 November 2026 (GMT): it ends at 2026-11-23T00:00Z.
const W47 = '2026-11-16';
const at = (iso: string) => new Date(iso);

describe('reportedThrough', () => {
  it('is the earliest latest-report among agencies active in the last N weeks', () => {
    const now = at('2026-11-25T12:00:00Z');
    const reports = [at('2026-11-24T09:00:00Z'), at('2026-11-22T18:00:00Z'), at('2026-09-01T00:00:00Z')];
    expect(reportedThrough(reports, now, rule)).toEqual(at('2026-11-22T18:00:00Z'));
  });

  it('ignores agencies silent for longer than the active window, and is null when none is active', () => {
    const now = at('2026-11-25T12:00:00Z');
    expect(reportedThrough([at('2026-09-29T11:00:00Z')], now, rule)).toBeNull();
    expect(reportedThrough([], now, rule)).toBeNull();
  });

  it('counts a report dated in the future as now', () => {
    const now = at('2026-11-25T12:00:00Z');
    expect(reportedThrough([at('2027-01-01T00:00:00Z')], now, rule)).toEqual(now);
  });
});

describe('weekCompleteness', () => {
  it('is in progress until the week ends (Monday 00:00 London time)', () => {
    expect(weekCompleteness(W47, at('2026-11-22T23:59:59Z'), at('2026-11-22T23:00:00Z'), rule)).toBe('in-progress');
  });

  it('is provisional while an active agency has not reported past the week, complete once all have', () => {
    const now = at('2026-11-24T07:00:00Z');
    expect(weekCompleteness(W47, now, at('2026-11-22T18:00:00Z'), rule)).toBe('provisional');
    expect(weekCompleteness(W47, now, at('2026-11-23T00:00:00Z'), rule)).toBe('complete');
    expect(weekCompleteness(W47, now, null, rule)).toBe('provisional');
  });

  it('is complete once the lateness allowance has passed, whoever has not reported', () => {
    expect(weekCompleteness(W47, at('2026-11-29T23:59:59Z'), null, rule)).toBe('provisional');
    expect(weekCompleteness(W47, at('2026-11-30T00:00:00Z'), null, rule)).toBe('complete');
    expect(weekCompleteness(W47, at('2026-12-02T00:00:00Z'), null, { ...rule, latenessDays: 14 })).toBe('provisional');
  });

  it('ends summer weeks at 23:00 UTC on Sunday', () => {
    // 2026-W27: Monday 29 June to Sunday 5 July, British Summer Time.
    expect(weekCompleteness('2026-06-29', at('2026-07-05T23:00:00Z'), at('2026-07-05T23:00:00Z'), rule)).toBe('complete');
  });
});

describe('lastCompleteWeek', () => {
  it('is last week once every active agency has reported past it', () => {
    expect(lastCompleteWeek(at('2026-11-24T07:00:00Z'), at('2026-11-24T06:00:00Z'), rule)).toBe(W47);
  });

  it('falls back to the week before while last week waits for an agency, within the lateness allowance', () => {
    expect(lastCompleteWeek(at('2026-11-24T07:00:00Z'), at('2026-11-20T06:00:00Z'), rule)).toBe('2026-11-09');
    expect(lastCompleteWeek(at('2026-11-24T07:00:00Z'), null, DEFAULT_RELEASE_RULE)).toBe('2026-11-09');
  });
});

describe('cellFlag', () => {
  it('marks provisional weeks p, revised complete ones r, missing values x', () => {
    expect(cellFlag({ completeness: 'provisional', value: 12, firstFinal: null })).toBe('p');
    expect(cellFlag({ completeness: 'in-progress', value: 12, firstFinal: 10 })).toBe('p');
    expect(cellFlag({ completeness: 'complete', value: 12, firstFinal: 10 })).toBe('r');
    expect(cellFlag({ completeness: 'complete', value: 12, firstFinal: 12 })).toBeNull();
    expect(cellFlag({ completeness: 'complete', value: 12, firstFinal: null })).toBeNull();
    expect(cellFlag({ completeness: 'complete', value: null, firstFinal: 3 })).toBe('x');
  });

  it('gives a row p before r', () => {
    expect(rowFlag(['r', 'p', null])).toBe('p');
    expect(rowFlag([null, 'r'])).toBe('r');
    expect(rowFlag([null, 'x'])).toBe('');
  });
});
