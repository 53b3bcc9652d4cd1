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

describe('supported merges (pairs below the link threshold)', () => {
  // 0-1-2 is a cluster (strong links); record 3 is below the link threshold with each of them.
  const pairs = { a: Int32Array.from([0, 1, 0, 1, 2]), b: Int32Array.from([1, 2, 3, 3, 3]), length: 5 };

  it('joins a record to a cluster when its moderate agreement holds on average over the cluster', () => {
    const w = (a: number, b: number) => (Math.max(a, b) === 3 ? 1 : 20); // 3 ~ everyone at p = 0.67
    const weights = Float64Array.from([20, 20, 1, 1, 1]);
    const label = clusterLinks(4, pairs, weights, 2, 0.3, w);
    expect(new Set(label).size).toBe(1);
  });

  it('does not when the average over the cluster is low, nor for a lone pair below the threshold', () => {
    const w = (a: number, b: number) => (Math.max(a, b) === 3 ? (Math.min(a, b) === 0 ? 1 : -10) : 20);
    const weights = Float64Array.from([20, 20, 1, -10, -10]);
    const label = clusterLinks(4, pairs, weights, 2, 0.3, w);
    expect(label[3]).not.toBe(label[0]);
    const lone = clusterLinks(2, { a: Int32Array.from([0]), b: Int32Array.from([1]), length: 1 }, Float64Array.from([1]), 2, 0.3, () => 1);
    expect(lone[0]).not.toBe(lone[1]);
  });
});
