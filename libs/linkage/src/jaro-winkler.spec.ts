import { hamming, jaro, jaroWinkler, withinOneEdit } from './jaro-winkler';

describe('Jaro-Winkler', () => {
  it('matches the published reference values', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
  });
  it('is 1 for equal strings and 0 for no common characters or empty input', () => {
    expect(jaroWinkler('SMITH', 'SMITH')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('', 'ABC')).toBe(0);
  });
  it('is symmetric and handles strings longer than the reusable buffer', () => {
    const long = 'A'.repeat(70) + 'B';
    const other = 'A'.repeat(70) + 'C';
    expect(jaroWinkler(long, other)).toBeCloseTo(jaroWinkler(other, long), 10);
    expect(jaroWinkler(long, other)).toBeGreaterThan(0.95);
  });
});

describe('edit helpers', () => {
  it('counts differing positions', () => {
    expect(hamming('19710624', '19710524')).toBe(1);
    expect(hamming('abc', 'abcd')).toBe(Infinity);
  });
  it('detects a single edit', () => {
    expect(withinOneEdit('4011', '4012')).toBe(true);
    expect(withinOneEdit('SMITH', 'SMYTHE')).toBe(false);
    expect(withinOneEdit('SMITH', 'SMITHE')).toBe(true);
    expect(withinOneEdit('SMITH', 'SMTH')).toBe(true);
  });
});
