import {
  ageBand,
  careMissingTypeOf,
  durationBand,
  ethnicityGroup,
  highestRisk,
  repeatFlags,
  RETURN_INTERVIEW_SETTINGS,
} from './statistical-attributes';

const t = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('ages on the London calendar date', () => {
  it('counts a birthday reached at 00:30 BST (23:30 UTC the day before) as that London date', () => {
    expect(ageBand('2016-07-01', t('2026-06-30T23:30:00Z'))).toBe('10-15');
    expect(ageBand('2016-07-01', t('2026-06-30T22:30:00Z'))).toBe('5-9');
    expect(ageBand('2025-12-01', t('2026-11-30T23:30:00Z'))).toBe('Under 1');
  });
});

describe('statistical attributes', () => {
  it('bands ages at the episode start, birthday inclusive', () => {
    expect(ageBand('2010-11-23', t('2026-11-23T00:00Z'))).toBe('16-17');
    expect(ageBand('2010-11-24', t('2026-11-23T00:00Z'))).toBe('10-15');
    expect(ageBand('2026-01-01', t('2026-11-23T00:00Z'))).toBe('Under 1');
    expect(ageBand('2012-04', t('2026-11-23T00:00Z'))).toBe('UNKNOWN');
    expect(ageBand(undefined, 0)).toBe('UNKNOWN');
  });
  it('bands durations with the lower bound inclusive, open episodes unbanded', () => {
    expect(durationBand(0, 24 * HOUR - 1)).toBe('Under 24 hours');
    expect(durationBand(0, 24 * HOUR)).toBe('1-2 days');
    expect(durationBand(0, 48 * HOUR)).toBe('2-7 days');
    expect(durationBand(0, 7 * 24 * HOUR)).toBe('2-7 days');
    expect(durationBand(0, 7 * 24 * HOUR + 1)).toBe('Over 7 days');
    expect(durationBand(0, null)).toBeNull();
  });
  it('groups DfE ethnicity codes', () => {
    expect([
      ethnicityGroup('WBRI'),
      ethnicityGroup('MWBC'),
      ethnicityGroup('APKN'),
      ethnicityGroup('BAFR'),
      ethnicityGroup('CHNE'),
      ethnicityGroup('REFU'),
      ethnicityGroup(undefined),
    ]).toEqual(['White', 'Mixed', 'Asian', 'Black', 'Other', 'Refused or not obtained', 'UNKNOWN']);
  });
  it('takes the highest police risk grade', () => {
    expect(highestRisk(['LOW', null, 'HIGH', 'MEDIUM'])).toBe('HIGH');
    expect(highestRisk([null])).toBe('NOT_GRADED');
  });
  it('flags the third and later episodes within 90 days', () => {
    const day = 24 * HOUR;
    expect(repeatFlags([0, 10 * day, 20 * day, 200 * day, 201 * day, 289 * day])).toEqual([false, false, true, false, false, true]);
  });
  it("counts the 90 days up to and including the episode's own start", () => {
    const day = 24 * HOUR;
    // The first episode is exactly 90 days before the third: outside its window.
    expect(repeatFlags([0, day, 90 * day])).toEqual([false, false, false]);
    expect(repeatFlags([1, day, 90 * day])).toEqual([false, false, true]);
  });
  it('asks for return interviews after episodes from home and care, not education', () => {
    expect(RETURN_INTERVIEW_SETTINGS).toEqual(['HOME', 'CARE']);
  });
  it('types a care episode M when any agency recorded it missing, else A, else not stated', () => {
    expect(careMissingTypeOf(['A', null, 'M'])).toBe('M');
    expect(careMissingTypeOf([undefined, 'A'])).toBe('A');
    expect(careMissingTypeOf([null, undefined])).toBe('NOT_STATED');
    expect(careMissingTypeOf([])).toBe('NOT_STATED');
  });
  it('gives the same care missing type in any order of the members (property)', () => {
    const values = [null, 'M', 'A', undefined] as const;
    for (let n = 0; n < 4 ** 4; n++) {
      const types = [0, 1, 2, 3].map((i) => values[Math.floor(n / 4 ** i) % 4]);
      const expected = careMissingTypeOf(types);
      for (let r = 1; r < 4; r++) expect(careMissingTypeOf([...types.slice(r), ...types.slice(0, r)])).toBe(expected);
      expect(careMissingTypeOf([...types].reverse())).toBe(expected);
    }
  });
});
