import * as fc from 'fast-check';
import { UnionFind } from './union-find';

describe('UnionFind', () => {
  it('joins transitively and keeps the smallest index as the root', () => {
    const sets = new UnionFind(6);
    expect(sets.union(4, 2)).toBe(2);
    expect(sets.union(5, 4)).toBe(2);
    sets.union(1, 3);
    expect([sets.find(5), sets.find(3), sets.find(0)]).toEqual([2, 1, 0]);
    expect(sets.groups()).toEqual([[0], [1, 3], [2, 4, 5]]);
  });

  it('lets the caller choose the surviving root', () => {
    const sets = new UnionFind(3);
    sets.attach(0, 2);
    expect(sets.find(0)).toBe(2);
    expect(sets.groups()).toEqual([[0, 2], [1]]);
  });

  it('gives the connected components of any edge list', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { maxLength: 40 }), (n, raw) => {
        const edges = raw.map(([a, b]) => [a % n, b % n] as const);
        const sets = new UnionFind(n);
        for (const [a, b] of edges) sets.union(a, b);
        // Reference: repeated relabelling until stable.
        const label = Array.from({ length: n }, (_, i) => i);
        for (let changed = true; changed;) {
          changed = false;
          for (const [a, b] of edges) {
            const m = Math.min(label[a], label[b]);
            if (label[a] !== m || label[b] !== m) [label[a], label[b], changed] = [m, m, true];
          }
        }
        for (let i = 0; i < n; i++) expect(sets.find(i)).toBe(label[i]);
      }),
    );
  });
});
