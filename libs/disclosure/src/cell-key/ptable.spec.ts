import { CELL_KEY_MODULUS, cellKeyOf, perturb, PTABLE_V1, ptableMoments, uniform } from './ptable';
import { RecordKeys } from './record-keys';

const keys = (n: number) => Array.from({ length: n }, (_, i) => Math.floor(((i + 0.5) / n) * CELL_KEY_MODULUS));

describe('the cell-key perturbation table', () => {
  it('never publishes 1 to 4, publishes 0 as 0, and moves nothing by more than 2 from 5 up', () => {
    for (let v = 0; v <= 200; v++) {
      for (const k of keys(500)) {
        const p = perturb(v, k);
        expect(p >= 1 && p <= 4).toBe(false);
        if (v === 0) expect(p).toBe(0);
        if (v >= 5) expect(Math.abs(p - v)).toBeLessThanOrEqual(2);
        if (v >= 5) expect(p).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('has zero-mean error for every true value, over cell keys spread evenly', () => {
    for (const v of [1, 2, 3, 4, 5, 6, 7, 8, 50, 1000]) {
      const published = keys(100_000).map((k) => perturb(v, k));
      const mean = published.reduce((a, b) => a + b, 0) / published.length;
      expect(Math.abs(mean - v)).toBeLessThan(0.01);
      expect(ptableMoments(v, PTABLE_V1).mean).toBeCloseTo(v, 10);
    }
  });

  it('gives one cell one published value: the key is the records, not the order or the query', () => {
    const recordKeys = [3_000_000_000, 4_000_000_000, 123, 77];
    expect(cellKeyOf(recordKeys)).toBe(cellKeyOf([...recordKeys].reverse()));
    expect(cellKeyOf(recordKeys)).toBe((3_000_000_000 + 4_000_000_000 + 123 + 77) % CELL_KEY_MODULUS);
    expect(perturb(9, cellKeyOf(recordKeys))).toBe(perturb(9, cellKeyOf([77, 123, 4_000_000_000, 3_000_000_000])));
    expect(uniform(-1)).toBeCloseTo(1 - 1 / CELL_KEY_MODULUS, 12);
  });

  it('derives record keys from the secret seed: stable per record, different per seed, spread over [0, 2^32)', () => {
    const a = new RecordKeys('seed-one-0123456789');
    const b = new RecordKeys('seed-two-0123456789');
    expect(a.child(42)).toBe(a.child(42));
    expect(a.child(42)).not.toBe(b.child(42));
    expect(a.episode(42, 1_700_000_000_000)).not.toBe(a.child(42));
    const spread = Array.from({ length: 10_000 }, (_, i) => a.child(i) / CELL_KEY_MODULUS);
    expect(Math.abs(spread.reduce((s, u) => s + u, 0) / spread.length - 0.5)).toBeLessThan(0.01);
    expect(() => new RecordKeys('short')).toThrow(/16 characters/);
  });
});
