import { CandidatePairs } from './blocking';
import { Comparison } from './comparisons';
import { mulberry32 } from './random';
import { RecordStore } from './store';

/** Estimated agreement probabilities of one comparison: m among matches, u among non-matches. */
export interface ComparisonParameters {
  name: string;
  levels: string[];
  m: number[];
  u: number[];
  /** Whether exact agreement is adjusted for the frequency of the agreed value. */
  tf: boolean;
  /**
   * Agreement probabilities among relatives living together who are another person (siblings,
   * twins): EM's "same household" class. Present only when the model was trained with it.
   */
  h?: number[];
}

export interface URandomSample {
  u: number[][];
  pairs: number;
  exhaustive: boolean;
}

/**
 * u: how often each level occurs between two records drawn at random. Matches are a tiny
 * fraction of random pairs, so this estimates the non-match distribution without labels.
 * Every pair is used when there are at most `maxPairs`; otherwise a seeded random sample.
 * Add-one smoothing keeps a never-observed agreement finite (about 1/pairs).
 */
export function estimateU(store: RecordStore, comparisons: readonly Comparison[], options: { maxPairs?: number; seed?: number } = {}): URandomSample {
  const maxPairs = options.maxPairs ?? 1_000_000;
  const live: number[] = [];
  for (let i = 0; i < store.size; i++) if (!store.removed[i]) live.push(i);
  const n = live.length;
  const counts = comparisons.map((c) => new Float64Array(c.levels.length));
  const count = (a: number, b: number) => {
    for (let c = 0; c < comparisons.length; c++) {
      const level = comparisons[c].compare(store, a, b);
      if (level >= 0) counts[c][level]++;
    }
  };
  const all = (n * (n - 1)) / 2;
  let pairs = 0;
  const exhaustive = all <= maxPairs;
  if (exhaustive) {
    for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) count(live[x], live[y]);
    pairs = all;
  } else {
    const rnd = mulberry32(options.seed ?? 42);
    while (pairs < maxPairs) {
      const x = Math.floor(rnd() * n);
      const y = Math.floor(rnd() * n);
      if (x === y) continue;
      count(live[x], live[y]);
      pairs++;
    }
  }
  const u = counts.map((levelCounts) => {
    const total = levelCounts.reduce((s, v) => s + v, 0);
    return Array.from(levelCounts, (v) => (v + 1) / (total + levelCounts.length));
  });
  return { u, pairs, exhaustive };
}

export interface EmResult {
  m: number[][];
  /** Level distribution of the 'related, not the same person' class (undefined without that class). */
  h?: number[][];
  /** Non-match distribution among candidate pairs (blocked pairs agree more often than random ones); not used for scoring. */
  uCandidates: number[][];
  /** Share of candidate pairs that are matches. */
  lambdaCandidates: number;
  /** Share of candidate pairs in the 'related, not the same person' class (0 without that class). */
  relatedShare: number;
  /** Expected number of matching pairs among all candidate pairs. */
  expectedMatches: number;
  iterations: number;
  converged: boolean;
  patterns: number;
  sampledPairs: number;
}

function initialM(levels: number): number[] {
  if (levels === 1) return [1];
  const rest = Array.from({ length: levels - 1 }, (_, k) => Math.pow(0.5, k + 1));
  const sum = rest.reduce((s, v) => s + v, 0);
  return [0.9, ...rest.map((v) => (0.1 * v) / sum)];
}

/**
 * m by expectation-maximisation over the comparison patterns of the candidate pairs (a
 * two-class latent mixture with conditionally independent comparisons). Up to `maxPairs`
 * candidate pairs are sampled; identical patterns are counted once, so each iteration costs
 * the number of distinct patterns. Missing values are left out of the likelihood.
 */
export function estimateM(
  store: RecordStore,
  comparisons: readonly Comparison[],
  pairs: CandidatePairs,
  uRandom: number[][],
  options: {
    maxPairs?: number;
    maxIterations?: number;
    tolerance?: number;
    householdComparisons?: readonly string[];
    /** Hold the match class at these m-probabilities (estimate only the other classes and the class shares). */
    fixedM?: number[][];
    /**
     * Comparisons on which the related class is held at the random-pair distribution: relatives
     * who are another person agree on them no more than strangers do (given name). This keeps
     * EM from making the related class a second match class where there are no households.
     */
    relatedLikeRandom?: readonly string[];
    /**
     * Comparisons on which the related class is held at the match class's distribution. They are
     * left out of the likelihood (as if missing): used when the pairs were chosen for agreeing on
     * them, so they cannot tell the classes apart.
     */
    relatedLikeMatch?: readonly string[];
  } = {},
): EmResult {
  const C = comparisons.length;
  const maxPairs = options.maxPairs ?? 500_000;
  const step = Math.max(1, pairs.length / maxPairs);
  const keyOf = new Map<number | string, number>();
  const numericKeys = C <= 17;
  const patternLevels: number[] = [];
  const patternCounts: number[] = [];
  const levels = new Int8Array(C);
  const ignored = comparisons.map((c) => (options.relatedLikeMatch ?? []).includes(c.name));
  let sampled = 0;
  for (let p = 0; p < pairs.length; p += step) {
    const i = Math.floor(p);
    const a = pairs.a[i];
    const b = pairs.b[i];
    let key: number | string = numericKeys ? 0 : '';
    for (let c = 0; c < C; c++) {
      levels[c] = ignored[c] ? -1 : comparisons[c].compare(store, a, b);
      if (numericKeys) key = (key as number) * 8 + levels[c] + 1;
      else key += String.fromCharCode(66 + levels[c]);
    }
    let id = keyOf.get(key);
    if (id === undefined) {
      id = patternCounts.length;
      keyOf.set(key, id);
      patternCounts.push(0);
      for (let c = 0; c < C; c++) patternLevels.push(levels[c]);
    }
    patternCounts[id]++;
    sampled++;
  }
  const P = patternCounts.length;
  // Latent classes: 0 = match, then optionally "related" (agrees on household attributes such
  // as family name and postcode but is another person: siblings, twins), last = unrelated.
  const householdSet = new Set(options.householdComparisons ?? []);
  const household = comparisons.some((c) => householdSet.has(c.name)) && comparisons.some((c) => !householdSet.has(c.name));
  const K = household ? 3 : 2;
  const fixedM = options.fixedM;
  let dist: number[][][] = [fixedM ? fixedM.map((row) => [...row]) : comparisons.map((c) => initialM(c.levels.length))];
  if (household) dist.push(comparisons.map((c, k) => (householdSet.has(c.name) ? initialM(c.levels.length) : [...uRandom[k]])));
  const likeRandom = new Set(options.relatedLikeRandom ?? []);
  const likeMatch = new Set(options.relatedLikeMatch ?? []);
  dist.push(uRandom.map((row) => [...row]));
  let weights = household ? [0.1, 0.1, 0.8] : [0.1, 0.9];
  let iterations = 0;
  let converged = false;
  const post = new Float64Array(P * K);
  const logs = new Float64Array(K);
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-6;
  while (iterations < maxIterations && P > 0) {
    iterations++;
    const logDist = dist.map((cls) => cls.map((row) => row.map(Math.log)));
    const logW = weights.map(Math.log);
    for (let p = 0; p < P; p++) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let v = logW[k];
        for (let c = 0; c < C; c++) {
          const l = patternLevels[p * C + c];
          if (l >= 0) v += logDist[k][c][l];
        }
        logs[k] = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(logs[k] - max);
      for (let k = 0; k < K; k++) post[p * K + k] = Math.exp(logs[k] - max) / sum;
    }
    const counts = Array.from({ length: K }, () => comparisons.map((c) => new Float64Array(c.levels.length).fill(0.01)));
    const mass = new Float64Array(K);
    let total = 0;
    for (let p = 0; p < P; p++) {
      const n = patternCounts[p];
      total += n;
      for (let k = 0; k < K; k++) {
        const w = n * post[p * K + k];
        mass[k] += w;
        for (let c = 0; c < C; c++) {
          const l = patternLevels[p * C + c];
          if (l >= 0) counts[k][c][l] += w;
        }
      }
    }
    const normalise = (row: Float64Array) => {
      const s = row.reduce((x, y) => x + y, 0);
      return Array.from(row, (v) => v / s);
    };
    const nextDist = counts.map((cls) => cls.map(normalise));
    if (fixedM) nextDist[0] = dist[0];
    if (household)
      comparisons.forEach((c, k) => {
        if (likeRandom.has(c.name)) nextDist[1][k] = [...uRandom[k]];
        else if (likeMatch.has(c.name)) nextDist[1][k] = [...nextDist[0][k]];
      });
    const nextWeights = Array.from(mass, (v) => Math.min(1 - 1e-9, Math.max(1e-9, v / total)));
    let delta = 0;
    for (let k = 0; k < K; k++) {
      delta = Math.max(delta, Math.abs(nextWeights[k] - weights[k]));
      for (let c = 0; c < C; c++) {
        for (let l = 0; l < nextDist[k][c].length; l++) delta = Math.max(delta, Math.abs(nextDist[k][c][l] - dist[k][c][l]));
      }
    }
    dist = nextDist;
    weights = nextWeights;
    if (delta < tolerance) {
      converged = true;
      break;
    }
  }
  let m = dist[0];
  let u = dist[K - 1];
  let lambda = weights[0];
  if (!household) {
    // Keep the class that agrees more as "match" (two-class EM is symmetric).
    let agreement = 0;
    for (let c = 0; c < C; c++) agreement += m[c][0] - u[c][0];
    if (agreement < 0) {
      [m, u] = [u, m];
      lambda = 1 - lambda;
    }
  }
  return {
    m,
    h: household ? dist[1] : undefined,
    uCandidates: u,
    lambdaCandidates: lambda,
    expectedMatches: lambda * pairs.length,
    relatedShare: household ? weights[1] : 0,
    iterations,
    converged,
    patterns: P,
    sampledPairs: sampled,
  };
}

/** log2(1 + 2^x) without overflow. */
function log2OnePlusPow2(x: number): number {
  return x > 30 ? x + Math.log2(1 + Math.pow(2, -x)) : Math.log2(1 + Math.pow(2, x));
}

/** Pseudo-records at the average frequency mixed into every term frequency. */
export const TF_PSEUDO_RECORDS = 100;

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

export function weightFromProbability(p: number): number {
  return Math.log2(p / (1 - p));
}

/**
 * Scores record pairs: match weight = log2 prior odds + sum over comparisons of log2(m/u) at
 * the observed level, plus a term-frequency adjustment log2(u_exact / tf(value)) on exact
 * agreement (bounded by +/- `tfCapBits`), so a match on a rare name counts for more than a
 * match on a common one.
 *
 * With a household class (`householdPrior` and every comparison's `h`), the odds are those of a
 * match against both other explanations, unrelated or another person of the same household:
 * weight = W_match - log2(1 + 2^W_household), where W_household = log2(prior_h / (1 - prior))
 * + sum of log2(h/u) (with the same term-frequency adjustment, which corrects u). A pair that
 * looks like siblings (same family name and address, different given name or sex) loses the
 * weight its shared household attributes gave it; a pair agreeing on personal attributes too
 * (given name, sex, identifiers) keeps almost all of it.
 */
export class PairScorer {
  readonly priorWeight: number;
  private readonly weights: Float64Array[];
  private readonly uExact: Float64Array;
  private readonly tfOn: Uint8Array;
  private readonly householdPriorWeight: number;
  private readonly householdWeights: Float64Array[] | undefined;

  constructor(
    readonly store: RecordStore,
    readonly comparisons: readonly Comparison[],
    readonly parameters: readonly ComparisonParameters[],
    prior: number,
    readonly tfCapBits = 6,
    householdPrior?: number,
  ) {
    this.priorWeight = Math.log2(prior / (1 - prior));
    this.weights = parameters.map((p) => Float64Array.from(p.m, (m, l) => Math.log2(m / p.u[l])));
    this.uExact = Float64Array.from(parameters, (p) => p.u[0]);
    this.tfOn = Uint8Array.from(parameters, (p, c) => (p.tf && comparisons[c].tfValue ? 1 : 0));
    const household =
      householdPrior !== undefined && householdPrior > 0 && parameters.length > 0 && parameters.every((p) => p.h?.length === p.u.length);
    this.householdPriorWeight = household ? Math.log2(householdPrior / (1 - prior)) : 0;
    this.householdWeights = household ? parameters.map((p) => Float64Array.from(p.h!, (h, l) => Math.log2(h / p.u[l]))) : undefined;
  }

  /** Total match weight (bits) of a pair. */
  weight(a: number, b: number): number {
    const s = this.store;
    let w = this.priorWeight;
    const hw = this.householdWeights;
    let wh = this.householdPriorWeight;
    const comps = this.comparisons;
    for (let c = 0; c < comps.length; c++) {
      const comp = comps[c];
      const level = comp.compare(s, a, b);
      if (level < 0) continue;
      w += this.weights[c][level];
      if (hw) wh += hw[c][level];
      if (level === 0 && this.tfOn[c] === 1) {
        const v = comp.tfValue!(s, a, b);
        if (v >= 0) {
          const u0 = this.uExact[c];
          const field = comp.tfField!;
          // Frequency of the value, shrunk towards the model's average (u_exact) by
          // TF_PSEUDO_RECORDS so that a small register does not over-react to its own counts.
          const tf = ((s.tfCounts[field][v] ?? 0) + TF_PSEUDO_RECORDS * u0) / (s.tfTotals[field] + TF_PSEUDO_RECORDS);
          const adj = Math.log2(u0 / tf);
          const capped = adj > this.tfCapBits ? this.tfCapBits : adj < -this.tfCapBits ? -this.tfCapBits : adj;
          w += capped;
          wh += capped;
        }
      }
    }
    return hw ? w - log2OnePlusPow2(wh) : w;
  }

  probability(a: number, b: number): number {
    return probabilityFromWeight(this.weight(a, b));
  }

  /** Per-comparison level and weight, for explaining a decision to a reviewer. */
  explain(a: number, b: number): { comparison: string; level: string; weight: number }[] {
    return this.comparisons.map((comp, c) => {
      const level = comp.compare(this.store, a, b);
      if (level < 0) return { comparison: comp.name, level: 'missing', weight: 0 };
      return { comparison: comp.name, level: comp.levels[level], weight: this.weights[c][level] };
    });
  }
}
