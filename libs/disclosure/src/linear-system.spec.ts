import fc from 'fast-check';
import { recoverableTableCells } from './cycle-check';
import { determinedCells, feasibleIntervals, LinearStructure } from './linear-system';
import { Published } from './published';
import { augmentedIndex, augmentTable, tableStructure } from './table';

/** Every integer solution with the suppressed cells in [lower, cap]: min and max of each cell. */
function bruteForce(structure: LinearStructure, values: number[], suppressed: number[], lower: number, cap: number): Map<number, [number, number]> {
  const x = [...values];
  const out = new Map<number, [number, number]>();
  const go = (k: number): void => {
    if (k === suppressed.length) {
      if (!structure.equations.every((eq) => eq.reduce((s, t) => s + t.coef * x[t.cell], 0) === 0)) return;
      for (const c of suppressed) {
        const [lo, hi] = out.get(c) ?? [Infinity, -Infinity];
        out.set(c, [Math.min(lo, x[c]), Math.max(hi, x[c])]);
      }
      return;
    }
    for (let v = lower; v <= cap; v++) {
      x[suppressed[k]] = v;
      go(k + 1);
    }
  };
  go(0);
  return out;
}

const table = (values: number[][]) => ({ rows: values.map((_, i) => `r${i}`), columns: values[0].map((_, j) => `c${j}`), values });

/** The published form of an augmented table with a suppression mask. */
function publish(values: number[][], hidden: Set<number>) {
  const aug = augmentTable(table(values));
  const r = values.length;
  const c = values[0].length;
  const p = (i: number, j: number): Published => (hidden.has(augmentedIndex(c, i, j)) ? 'c' : aug[augmentedIndex(c, i, j)]);
  return {
    values: values.map((row, i) => row.map((_, j) => p(i, j))),
    rowTotals: values.map((_, i) => p(i, c)),
    columnTotals: values[0].map((_, j) => p(r, j)),
    grandTotal: p(r, c),
  };
}

describe('exact feasible intervals (simplex on rationals)', () => {
  it('finds the range of two suppressed cells of a row with a published total', () => {
    // One row [3, 20] with total 23, column totals equal to the cells: suppress 3, 20 and both column totals.
    const s = tableStructure(1, 2);
    const values = augmentTable(table([[3, 20]]));
    const hidden = new Set([0, 1, 3, 4]);
    expect(feasibleIntervals(s, values, hidden).map(({ min, max }) => [min, max])).toEqual([
      [1, 22],
      [1, 22],
      [1, 22],
      [1, 22],
    ]);
  });

  it('sees a cell fixed by the equations alone (a bridge between two suppression cycles)', () => {
    const values = Array.from({ length: 4 }, () => [5, 5, 5, 5]);
    const c = 4;
    const at = (i: number, j: number) => augmentedIndex(c, i, j);
    const hidden = new Set([at(0, 0), at(0, 1), at(1, 0), at(1, 1), at(2, 2), at(2, 3), at(3, 2), at(3, 3), at(1, 2)]);
    const intervals = feasibleIntervals(tableStructure(4, 4), augmentTable(table(values)), hidden);
    expect(intervals.filter((iv) => iv.determined)).toEqual([{ cell: at(1, 2), min: 5, max: 5, determined: true, how: 'linear' }]);
    // Every row and column holding a suppressed cell holds at least two, yet (1,2) is given away.
    expect(recoverableTableCells(table(values), publish(values, hidden))).toEqual([{ row: 1, column: 2 }]);
  });

  it('sees cells fixed only by the bounds (a 2 x 2 block of ones)', () => {
    const values = [
      [1, 1, 50],
      [1, 1, 60],
      [50, 60, 70],
    ];
    const at = (i: number, j: number) => augmentedIndex(3, i, j);
    const hidden = new Set([at(0, 0), at(0, 1), at(1, 0), at(1, 1)]);
    const aug = augmentTable(table(values));
    const intervals = feasibleIntervals(tableStructure(3, 3), aug, hidden);
    expect(intervals.every((iv) => iv.determined && iv.how === 'bounds' && iv.min === 1)).toBe(true);
    expect(recoverableTableCells(table(values), publish(values, hidden))).toHaveLength(4);
    // Were zero allowed in a suppressed cell, each could be 0, 1 or 2.
    expect(feasibleIntervals(tableStructure(3, 3), aug, hidden, 0).map((iv) => [iv.min, iv.max, iv.determined])).toEqual(
      Array.from({ length: 4 }, () => [0, 2, false]),
    );
    expect(determinedCells(tableStructure(3, 3), aug, hidden)).toEqual([...hidden]);
  });

  it('agrees with brute-force enumeration on tiny tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(0, 1),
        (r, c, pool, picks, lower) => {
          const values = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => pool[i * c + j]));
          const aug = augmentTable(table(values));
          const allowed = aug.map((v, k) => (v >= lower ? k : -1)).filter((k) => k >= 0);
          const hidden = [...new Set(picks.map((p) => allowed[p % allowed.length]))].sort((a, b) => a - b);
          const structure = tableStructure(r, c);
          const cap = 2 * aug[aug.length - 1] + 3;
          const brute = bruteForce(structure, aug, hidden, lower, cap);
          for (const iv of feasibleIntervals(structure, aug, new Set(hidden), lower)) {
            const [lo, hi] = brute.get(iv.cell)!;
            expect(iv.min).toBe(lo);
            if (iv.max === Infinity) expect(hi).toBe(cap);
            else expect([iv.max, iv.max <= cap]).toEqual([hi, true]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agrees with the independent cycle check on random suppression patterns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 12 })), { minLength: 20, maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (r, c, pool, mask) => {
          const values = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => pool[i * c + j]));
          const aug = augmentTable(table(values));
          const hidden = new Set(aug.map((v, k) => (v > 0 && mask[k] ? k : -1)).filter((k) => k >= 0));
          const structure = tableStructure(r, c);
          const bySimplex = feasibleIntervals(structure, aug, hidden)
            .filter((iv) => iv.determined)
            .map((iv) => iv.cell);
          const byCycles = recoverableTableCells(table(values), publish(values, hidden)).map((p) => augmentedIndex(c, p.row, p.column));
          expect(bySimplex).toEqual(byCycles);
          expect(determinedCells(structure, aug, hidden)).toEqual(bySimplex);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses totals that are not additive', () => {
    expect(() => feasibleIntervals(tableStructure(1, 2), [1, 2, 4, 1, 2, 3], new Set([0]))).toThrow(/additive/);
  });
});
