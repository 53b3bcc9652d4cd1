// libs/linkage depends on libs/incidence (the ChildLinker interface it implements), never the
// other way round: the incidence library knows linkers only through that interface.
import { ChildLinker, DeterministicChildLinker, LinkableRecord, LinkOutcome, PairDecision, ReviewPair, UnionFind } from '@mcm/incidence';
import { ChildAttributes } from '@mcm/shared';
import { BlockIndex, blockingRuleByName, CandidatePairs } from './blocking';
import { clusterLinks } from './clustering';
import { PairScorer, probabilityFromWeight, weightFromProbability } from './fellegi-sunter';
import { LinkageModel, resolveModel } from './model';
import { fromChildAttributes } from './record';
import { linkageName, RecordStore } from './store';

/**
 * Register-wide counts of given and family names (A-Z linkage form), for the term-frequency
 * adjustment. A closed candidate set is far too small and too skewed (it is gathered around
 * shared names) to estimate name frequencies from itself. Held in memory only, never stored.
 */
export interface NameFrequencies {
  given: ReadonlyMap<string, number>;
  family: ReadonlyMap<string, number>;
  /** Records counted. 0: no adjustment at all (every exact agreement weighs its model weight). */
  total: number;
}

export const NO_NAME_FREQUENCIES: NameFrequencies = { given: new Map(), family: new Map(), total: 0 };

/** Counts names over a register's profiles (used at start-up and after training). */
export function nameFrequencies(profiles: Iterable<ChildAttributes>): NameFrequencies {
  const given = new Map<string, number>();
  const family = new Map<string, number>();
  let total = 0;
  for (const p of profiles) {
    total++;
    const g = linkageName(p.givenName);
    const f = linkageName(p.familyName);
    if (g) given.set(g, (given.get(g) ?? 0) + 1);
    if (f) family.set(f, (family.get(f) ?? 0) + 1);
  }
  return { given, family, total };
}

/** Match weight (bits) given to a reviewer-confirmed pair, and minus it to a rejected pair. */
const DECIDED_WEIGHT = 64;

/** Default number of records gathered per shared key on each side of a changed record. */
export const DEFAULT_NEIGHBOURS_PER_KEY = 24;

// RecordStore's term-frequency fields (TfField is a const enum, not importable under isolatedModules).
const TF_GIVEN = 0;
const TF_FAMILY = 1;

/**
 * The probabilistic linker (this library's Fellegi-Sunter model) behind the aggregator's
 * ChildLinker interface. Pure: no database, no framework.
 *
 * - keysOf: the deterministic exact keys plus one key per blocking rule of the model (each
 *   rule's own block value), so the aggregator's closed candidate set holds the records the
 *   library's blocking could pair with a changed one.
 * - link: scores the candidate pairs of the closed set (the library's sorted-neighbourhood
 *   blocking with the model's window, so pairs stay bounded however common a value is) and
 *   clusters them with the library's anti-chaining rule. A reviewer-confirmed pair is forced
 *   into one cluster; a rejected pair never links directly (it may still end up together
 *   through other records that link both, if the anti-chaining average allows). Undecided
 *   review-band pairs left in different clusters are returned for the review queue.
 */
export class ProbabilisticChildLinker implements ChildLinker {
  readonly name: string;
  readonly neighboursPerKey: number;
  private readonly deterministic = new DeterministicChildLinker();
  private readonly linkWeight: number;
  private readonly reviewWeight: number;

  constructor(
    readonly model: LinkageModel,
    private frequencies: NameFrequencies = NO_NAME_FREQUENCIES,
    options: { neighboursPerKey?: number } = {},
  ) {
    this.name = `probabilistic:${model.modelId}`;
    this.neighboursPerKey = options.neighboursPerKey ?? Math.max(DEFAULT_NEIGHBOURS_PER_KEY, 2 * model.blocking.window);
    this.linkWeight = weightFromProbability(model.thresholds.link);
    this.reviewWeight = weightFromProbability(model.thresholds.review);
  }

  get modelId(): string {
    return this.model.modelId;
  }

  /** Replaces the register-wide name counts (e.g. after a periodic refresh). */
  useNameFrequencies(frequencies: NameFrequencies): void {
    this.frequencies = frequencies;
  }

  /**
   * The deterministic exact keys plus one key per blocking rule of the model, taken from the
   * rule itself (BlockingRule.value on a one-record store), so every rule the library blocks
   * on, present or future, gathers candidates here too. Rules sharing blocks share a key.
   */
  keysOf(profile: ChildAttributes): string[] {
    const keys = new Set(this.deterministic.keysOf(profile));
    const store = RecordStore.fromRecords([fromChildAttributes('key', profile)], []);
    for (const name of this.model.blocking.rules) {
      const rule = blockingRuleByName(store, name);
      const value = rule?.value(store, 0);
      if (rule && value !== undefined) keys.add(`pl:${rule.sameBlocksAs ?? rule.name}:${value}`);
    }
    return [...keys];
  }

  cluster(records: readonly LinkableRecord[]): number[][] {
    return this.link(records, []).clusters;
  }

  link(records: readonly LinkableRecord[], decisions: readonly PairDecision[]): LinkOutcome {
    if (records.length === 0) return { clusters: [], review: [] };
    const store = RecordStore.fromRecords(
      records.map((r) => fromChildAttributes(String(r.id), r.profile)),
      [],
    );
    this.applyNameFrequencies(store);
    const { comparisons, parameters, rules } = resolveModel(store, this.model);
    const scorer = new PairScorer(store, comparisons, parameters, this.model.prior, this.model.tfCapBits, this.model.householdPrior);
    const seqOf = new Map(records.map((r, i) => [r.id, i]));

    const decided = new Map<string, 'CONFIRMED' | 'REJECTED'>();
    for (const d of decisions) {
      const x = seqOf.get(d.a);
      const y = seqOf.get(d.b);
      if (x === undefined || y === undefined || x === y) continue;
      decided.set(pairKey(x, y), d.decision);
    }
    const weight = (a: number, b: number): number => {
      const d = decided.size ? decided.get(pairKey(a, b)) : undefined;
      if (d === 'CONFIRMED') return DECIDED_WEIGHT;
      if (d === 'REJECTED') return -DECIDED_WEIGHT;
      return scorer.weight(a, b);
    };

    const blocked = BlockIndex.build(store, rules, this.model.blocking.window).pairs();
    const pairs = withDecidedPairs(blocked, decided, store.size);
    const weights = new Float64Array(pairs.length);
    for (let p = 0; p < pairs.length; p++) weights[p] = weight(pairs.a[p], pairs.b[p]);
    const label = clusterLinks(store.size, pairs, weights, this.linkWeight, this.model.thresholds.clusterAverage, weight);

    // A confirmed pair is one child whatever the anti-chaining rule says: the reviewer decided.
    const sets = new UnionFind(store.size);
    for (let i = 0; i < store.size; i++) sets.union(i, label[i]);
    for (const [key, d] of decided) {
      if (d !== 'CONFIRMED') continue;
      const [x, y] = key.split(':').map(Number);
      sets.union(x, y);
    }
    const find = (x: number) => sets.find(x);
    const groups = new Map<number, number[]>();
    records.forEach((r, i) => {
      const g = find(i);
      (groups.get(g) ?? groups.set(g, []).get(g)!).push(r.id);
    });
    const clusters = [...groups.values()].map((g) => g.sort((a, b) => a - b));

    const review: ReviewPair[] = [];
    for (let p = 0; p < pairs.length; p++) {
      const w = weights[p];
      const x = pairs.a[p];
      const y = pairs.b[p];
      if (w < this.reviewWeight || w >= this.linkWeight || decided.has(pairKey(x, y)) || find(x) === find(y)) continue;
      const [a, b] = records[x].id < records[y].id ? [records[x].id, records[y].id] : [records[y].id, records[x].id];
      const comparisonLevels = scorer.explain(x, y).map((e) => ({ comparison: e.comparison, level: e.level, weight: round3(e.weight) }));
      review.push({ a, b, probability: round6(probabilityFromWeight(w)), comparisonLevels });
    }
    review.sort((p, q) => p.a - q.a || p.b - q.b);
    return { clusters, review };
  }

  /** Term frequencies of the closed set's names taken from the register-wide counts. */
  private applyNameFrequencies(store: RecordStore): void {
    const f = this.frequencies;
    const given: number[] = [];
    const family: number[] = [];
    store.names.strings.forEach((name, code) => {
      given[code] = f.given.get(name) ?? 0;
      family[code] = f.family.get(name) ?? 0;
    });
    store.tfCounts[TF_GIVEN].splice(0, store.tfCounts[TF_GIVEN].length, ...given);
    store.tfCounts[TF_FAMILY].splice(0, store.tfCounts[TF_FAMILY].length, ...family);
    store.tfTotals[TF_GIVEN] = f.total;
    store.tfTotals[TF_FAMILY] = f.total;
  }
}

const pairKey = (x: number, y: number) => (x < y ? `${x}:${y}` : `${y}:${x}`);
const round6 = (x: number) => Number(x.toFixed(6));
const round3 = (x: number) => Number(x.toFixed(3));

/** Adds the decided pairs the blocking did not propose (a reviewer may pair any two records). */
function withDecidedPairs(pairs: CandidatePairs, decided: ReadonlyMap<string, string>, n: number): CandidatePairs {
  if (decided.size === 0) return pairs;
  const seen = new Set<string>();
  for (let p = 0; p < pairs.length; p++) seen.add(pairKey(pairs.a[p], pairs.b[p]));
  const extra = [...decided.keys()].filter((k) => !seen.has(k)).map((k) => k.split(':').map(Number));
  if (extra.length === 0) return pairs;
  const a = new Int32Array(pairs.length + extra.length);
  const b = new Int32Array(pairs.length + extra.length);
  a.set(pairs.a.subarray(0, pairs.length));
  b.set(pairs.b.subarray(0, pairs.length));
  extra.forEach(([x, y], k) => {
    if (x >= n || y >= n) return;
    a[pairs.length + k] = x;
    b[pairs.length + k] = y;
  });
  return { a, b, length: a.length };
}
