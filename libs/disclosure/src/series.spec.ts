import fc from 'fast-check';
import { DEFAULT_RULES } from './rules';
import { auditSeries, protectSeries, ProtectedSeries } from './series';

/**
 * Independent of the library: which suppressed entries of a series can a reader work out? The one
 * equation is sum(values) = total, every suppressed entry is >= 1 (zeros are published).
 * - Total suppressed: it and the suppressed values can all rise together, unless no value is
 *   suppressed (then the total is the sum of the published values).
 * - Total published: the m suppressed values share a known sum S; each is determined iff m = 1 or
 *   S = m (all ones).
 */
function recoverable(values: number[], p: ProtectedSeries): number[] {
  const n = values.length;
  const hidden = [...p.values.map((v) => v === 'c'), p.total === 'c'];
  const hiddenValues = values.map((_, i) => i).filter((i) => hidden[i]);
  if (hidden[n]) return hiddenValues.length === 0 ? [n] : [];
  const sum = hiddenValues.reduce((s, i) => s + values[i], 0);
  return hiddenValues.length === 1 || sum === hiddenValues.length ? hiddenValues : [];
}

describe('protectSeries', () => {
  it('suppresses counts 1..threshold and the smallest non-zero complement', () => {
    const p = protectSeries([0, 3, 10, 7, 5]);
    expect(p).toEqual({
      values: [0, 'c', 10, 7, 'c'],
      total: 25,
      suppressed: [
        { index: 1, reason: 'primary' },
        { index: 4, reason: 'secondary' },
      ],
      unprotected: [],
    });
    expect(auditSeries([0, 3, 10, 7, 5], p).map(({ min, max }) => [min, max])).toEqual([
      [1, 7],
      [1, 7],
    ]);
  });

  it('publishes a series without small counts in full', () => {
    expect(protectSeries([0, 5, 12])).toEqual({ values: [0, 5, 12], total: 17, suppressed: [], unprotected: [] });
  });

  it('adds a third suppression when two ones would be given away by their sum', () => {
    const p = protectSeries([1, 1, 9, 20]);
    expect(p.values).toEqual(['c', 'c', 'c', 20]);
    expect(recoverable([1, 1, 9, 20], p)).toEqual([]);
  });

  it('suppresses a small total, and then needs a value with it', () => {
    const p = protectSeries([3, 0, 0]);
    expect(p).toMatchObject({ values: ['c', 0, 0], total: 'c' });
    const q = protectSeries([2, 2]);
    expect(q).toMatchObject({ values: ['c', 'c'], total: 'c' });
  });

  it('takes the threshold from the rules and checks the total', () => {
    expect(protectSeries([5, 9, 10], { threshold: 9 }).values).toEqual(['c', 'c', 10]);
    expect(protectSeries([5, 9, 10], { threshold: 9 }, { total: 24 }).total).toBe(24);
    expect(() => protectSeries([5, 9, 10], DEFAULT_RULES, { total: 23 })).toThrow(/additive/);
    expect(() => protectSeries([-1])).toThrow(RangeError);
  });

  it('publishes national figures in full, and reports what a national total gives away', () => {
    expect(protectSeries([1, 2, 30], DEFAULT_RULES, { national: true })).toEqual({ values: [1, 2, 30], total: 33, suppressed: [], unprotected: [] });
    const p = protectSeries([3, 0, 0], DEFAULT_RULES, { nationalTotal: true });
    expect(p).toEqual({ values: ['c', 0, 0], total: 3, suppressed: [{ index: 0, reason: 'primary' }], unprotected: [0] });
  });

  it('property: small counts suppressed, published entries unchanged, nothing recoverable', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (values, threshold, nationalTotal) => {
        const p = protectSeries(values, { threshold }, { nationalTotal });
        const total = values.reduce((s, v) => s + v, 0);
        [...values, total].forEach((v, i) => {
          const shown = i < values.length ? p.values[i] : p.total;
          if (v >= 1 && v <= threshold && !(nationalTotal && i === values.length)) expect(shown).toBe('c');
          if (shown !== 'c') expect(shown).toBe(v);
          if (v === 0) expect(shown).toBe(0);
        });
        if (nationalTotal) expect(p.total).toBe(total);
        expect(recoverable(values, p)).toEqual(p.unprotected);
        if (!nationalTotal) expect(p.unprotected).toEqual([]);
        for (const iv of auditSeries(values, p)) if (!p.unprotected.includes(iv.cell)) expect(iv.max).toBeGreaterThan(iv.min);
      }),
      { numRuns: 300 },
    );
  });
});
