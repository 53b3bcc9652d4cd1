import { ageBand, durationBand, ethnicityGroup, highestRisk, repeatFlags } from './statistical-attributes';

const t = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

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
    expect([ethnicityGroup('WBRI'), ethnicityGroup('MWBC'), ethnicityGroup('APKN'), ethnicityGroup('BAFR'), ethnicityGroup('CHNE'), ethnicityGroup('REFU'), ethnicityGroup(undefined)])
      .toEqual(['White', 'Mixed', 'Asian', 'Black', 'Other', 'Refused or not obtained', 'UNKNOWN']);
  });
  it('takes the highest police risk grade', () => {
    expect(highestRisk(['LOW', null, 'HIGH', 'MEDIUM'])).toBe('HIGH');
    expect(highestRisk([null])).toBe('NOT_GRADED');
  });
  it('flags the third and later episodes within 90 days', () => {
    const day = 24 * HOUR;
    expect(repeatFlags([0, 10 * day, 20 * day, 200 * day, 201 * day, 289 * day])).toEqual([false, false, true, false, false, true]);
  });
});
