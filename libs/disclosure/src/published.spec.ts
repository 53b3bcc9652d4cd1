import { DEFAULT_RULES, formatPublished, isNationalLevel, isPrimary } from './index';

describe('published symbols and rules', () => {
  it('formats counts and DfE symbols for CSV', () => {
    expect([0, 5, 1234, 'c', 'x', 'z'].map((v) => formatPublished(v as never))).toEqual(['0', '5', '1234', 'c', 'x', 'z']);
    expect(() => formatPublished(NaN)).toThrow(RangeError);
    expect(() => formatPublished('k' as never)).toThrow(RangeError);
  });
  it('recognises the national level', () => {
    expect(['National', 'national', ' NAT '].every(isNationalLevel)).toBe(true);
    expect(['Regional', 'Local authority', 'LA', 'REG'].some(isNationalLevel)).toBe(false);
  });
  it('primary-suppresses counts 1 to threshold inclusive, default 4; zero is published', () => {
    expect(DEFAULT_RULES.threshold).toBe(4);
    expect([0, 1, 4, 5].map((n) => isPrimary(n))).toEqual([false, true, true, false]);
    expect([0, 1, 9, 10].map((n) => isPrimary(n, { threshold: 9 }))).toEqual([false, true, true, false]);
    expect([0, 1].map((n) => isPrimary(n, { threshold: 0 }))).toEqual([false, false]);
  });
});
