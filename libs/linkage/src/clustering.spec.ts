import { clusterLinks, clusterSubset } from './clustering';

describe('clustering', () => {
  // Chain: 0~1 strong, 1~2 strong, 0 and 2 clearly different.
  const w = (a: number, b: number) => {
    const key = [a, b].sort().join('-');
    return ({ '0-1': 20, '1-2': 18, '0-2': -30 } as Record<string, number>)[key] ?? -30;
  };
  const pairs = { a: Int32Array.from([0, 1]), b: Int32Array.from([1, 2]), length: 2 };
  const weights = Float64Array.from([20, 18]);

  it('does not chain through a record that links to two dissimilar records', () => {
    const label = clusterLinks(3, pairs, weights, 2, 0.5, w);
    expect(label[0]).toBe(label[1]);
    expect(label[2]).not.toBe(label[0]);
  });

  it('merges when the groups look alike on average', () => {
    const friendly = (a: number, b: number) => (a === b ? 0 : 10);
    const label = clusterLinks(3, pairs, weights, 2, 0.5, friendly);
    expect(new Set(label).size).toBe(1);
  });

  it('re-clusters a subset from scratch', () => {
    expect(clusterSubset([0, 2], 2, 0.5, w)).toEqual([[0], [2]]);
    expect(clusterSubset([0, 1], 2, 0.5, w)).toEqual([[0, 1]]);
  });
});
