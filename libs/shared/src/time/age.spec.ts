import { ageOnLondonDate, eighteenthBirthday, latestBirthDate, londonMidnightMs, scopeEndMs } from './age';

const t = (iso: string) => Date.parse(iso);

describe('ages on the London calendar', () => {
  it('puts 00:00 London time at 23:00 UTC the day before in summer time, at 00:00 UTC in winter', () => {
    expect(new Date(londonMidnightMs('2026-06-30')).toISOString()).toBe('2026-06-29T23:00:00.000Z');
    expect(new Date(londonMidnightMs('2026-12-01')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // The days the clocks change: still GMT at local midnight in March, still BST in October.
    expect(new Date(londonMidnightMs('2026-03-29')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(londonMidnightMs('2026-10-25')).toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });

  it('counts a birthday from 00:30 BST (23:30 UTC the day before) as the London date', () => {
    expect(ageOnLondonDate('2010-07-01', t('2026-06-30T23:30:00Z'))).toBe(16);
    expect(ageOnLondonDate('2010-07-01', t('2026-06-30T22:59:59Z'))).toBe(15);
    expect(ageOnLondonDate('2010-12-01', t('2026-11-30T23:30:00Z'))).toBe(15);
  });

  it('reaches 18 at 00:00 London time on the birthday; 29 February gives 1 March in a common year', () => {
    expect(eighteenthBirthday(latestBirthDate('2008-06-30')!).toISOString()).toBe('2026-06-29T23:00:00.000Z');
    expect(eighteenthBirthday(latestBirthDate('2008-02-29')!).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('bounds an episode at the 18th birthday of the latest date of birth the record allows, or 18 years after its start', () => {
    expect(new Date(scopeEndMs('2009-05', 0)).toISOString()).toBe('2027-05-30T23:00:00.000Z');
    expect(new Date(scopeEndMs('2009', 0)).toISOString()).toBe('2027-12-31T00:00:00.000Z');
    expect(new Date(scopeEndMs(undefined, t('2026-06-10T22:30:00Z'))).toISOString()).toBe('2044-06-09T23:00:00.000Z');
    expect(new Date(scopeEndMs('not-a-date', t('2026-01-10T12:00:00Z'))).toISOString()).toBe('2044-01-10T00:00:00.000Z');
  });
});
