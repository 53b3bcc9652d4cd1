import { UnionFind } from '@mcm/incidence';
import { CandidatePairs } from './blocking';
import { probabilityFromWeight, weightFromProbability } from './fellegi-sunter';

export type PairWeight = (a: number, b: number) => number;

/** A pair below the link threshold supports a merge from this match probability (see clusterLinks). */
export const SUPPORT_PROBABILITY = 0.5;
/** Average match probability over the cross pairs that a supported merge needs. */
export const SUPPORT_AVERAGE = 0.5;

/** Largest number of cross pairs scored when deciding whether two clusters merge. */
export const MAX_CROSS_SIDE = 24;

/**
 * Average linkage between two groups of records: the mean match probability over their cross
 * pairs (an evenly spaced subset of at most MAX_CROSS_SIDE records per side for big groups).
 */
export function averageLinkage(left: readonly number[], right: readonly number[], weight: PairWeight): number {
  const pick = (xs: readonly number[]) => {
    if (xs.length <= MAX_CROSS_SIDE) return xs;
    const step = xs.length / MAX_CROSS_SIDE;
    return Array.from({ length: MAX_CROSS_SIDE }, (_, k) => xs[Math.floor(k * step)]);
  };
  const l = pick(left);
  const r = pick(right);
  let sum = 0;
  for (const x of l) for (const y of r) sum += probabilityFromWeight(weight(x, y));
  return sum / (l.length * r.length);
}

/**
 * Greedy agglomerative clustering that resists chaining. Links (pairs at or above
 * `linkWeight`) are taken strongest first. Two singletons joined by a link merge; any larger
 * merge also needs the average match probability over all cross pairs of the two clusters to
 * reach `clusterAverage`, so A~B and B~C do not pull A and C together unless A and C also
 * look alike. Returns, for each record, the smallest record index of its cluster.
 */
export function clusterLinks(
  n: number,
  pairs: CandidatePairs,
  weights: Float64Array,
  linkWeight: number,
  clusterAverage: number,
  weight: PairWeight,
  isLive: (i: number) => boolean = () => true,
): Int32Array {
  const links: number[] = [];
  for (let p = 0; p < pairs.length; p++) if (weights[p] >= linkWeight) links.push(p);
  links.sort((x, y) => weights[y] - weights[x] || x - y);
  const sets = new UnionFind(n);
  const members = new Map<number, number[]>();
  const version = new Int32Array(n);
  const rejected = new Set<string>();
  const find = (x: number): number => sets.find(x);
  const membersOf = (root: number) => members.get(root) ?? [root];
  for (const p of links) {
    const ra = find(pairs.a[p]);
    const rb = find(pairs.b[p]);
    if (ra === rb) continue;
    const ma = membersOf(ra);
    const mb = membersOf(rb);
    if (ma.length > 1 || mb.length > 1) {
      const key = ra < rb ? `${ra}:${version[ra]}:${rb}:${version[rb]}` : `${rb}:${version[rb]}:${ra}:${version[ra]}`;
      if (rejected.has(key)) continue;
      if (averageLinkage(ma, mb, weight) < clusterAverage) {
        rejected.add(key);
        continue;
      }
    }
    const [big, small] = ma.length >= mb.length ? [ra, rb] : [rb, ra];
    const merged = ma.length >= mb.length ? ma.concat(mb) : mb.concat(ma);
    sets.attach(small, big);
    members.delete(small);
    members.set(big, merged);
    version[big]++;
  }
  // Second pass: a pair scored below the link threshold but at least SUPPORT_PROBABILITY may
  // join two groups when at least one is already a cluster and, over all their cross pairs,
  // the average match probability reaches SUPPORT_AVERAGE: several records of a person each
  // agreeing moderately are evidence that one noisy pair alone is not.
  const supportWeight = weightFromProbability(SUPPORT_PROBABILITY);
  const support: number[] = [];
  for (let p = 0; p < pairs.length; p++) if (weights[p] < linkWeight && weights[p] >= supportWeight) support.push(p);
  support.sort((x, y) => weights[y] - weights[x] || x - y);
  for (const p of support) {
    const ra = find(pairs.a[p]);
    const rb = find(pairs.b[p]);
    if (ra === rb) continue;
    const ma = membersOf(ra);
    const mb = membersOf(rb);
    if (ma.length === 1 && mb.length === 1) continue;
    if (averageLinkage(ma, mb, weight) < SUPPORT_AVERAGE) continue;
    const [big, small] = ma.length >= mb.length ? [ra, rb] : [rb, ra];
    sets.attach(small, big);
    members.delete(small);
    members.set(big, ma.length >= mb.length ? ma.concat(mb) : mb.concat(ma));
    version[big]++;
  }
  const label = new Int32Array(n).fill(-1);
  const smallest = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!isLive(i)) continue;
    const root = find(i);
    if (!smallest.has(root)) smallest.set(root, i);
    label[i] = smallest.get(root)!;
  }
  return label;
}

/** Clusters a small set of records from scratch (all pairs scored); used to re-check a cluster after a removal. */
export function clusterSubset(records: readonly number[], linkWeight: number, clusterAverage: number, weight: PairWeight): number[][] {
  const k = records.length;
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  for (let x = 0; x < k; x++) {
    for (let y = x + 1; y < k; y++) {
      a.push(x);
      b.push(y);
      w.push(weight(records[x], records[y]));
    }
  }
  const label = clusterLinks(
    k,
    { a: Int32Array.from(a), b: Int32Array.from(b), length: a.length },
    Float64Array.from(w),
    linkWeight,
    clusterAverage,
    (x, y) => weight(records[x], records[y]),
  );
  const groups = new Map<number, number[]>();
  for (let x = 0; x < k; x++) {
    const g = groups.get(label[x]);
    if (g) g.push(records[x]);
    else groups.set(label[x], [records[x]]);
  }
  return [...groups.values()];
}
