import { BlockIndex, BlockingRule, blockingRuleByName, CandidatePairs, defaultBlockingRuleNames, flaggedPairs, HOUSEHOLD_RULES } from './blocking';
import { Comparison, comparisonByName, comparisonsForStore } from './comparisons';
import { DecisionThresholds, DEFAULT_THRESHOLDS } from './decisions';
import { ComparisonParameters, estimateM, estimateU, PairScorer } from './fellegi-sunter';
import { LinkageRecord } from './record';
import { RecordStore } from './store';

export const MODEL_FORMAT = 'mcm-linkage-model';
export const MODEL_FORMAT_VERSION = 1;
export const DEFAULT_WINDOW = 6;
export const DEFAULT_TF_CAP_BITS = 6;
/**
 * Attributes that relatives living together share. When the records carry a family name and
 * an address-level attribute (postcode or address), EM gets a third latent class for "same
 * household, another person" (siblings, twins) so that it does not pull the match class
 * towards "same household".
 */
export const HOUSEHOLD_COMPARISONS = ['family_name', 'postcode', 'la_code', 'address'];

function householdClassApplies(names: readonly string[]): boolean {
  return names.includes('family_name') && (names.includes('postcode') || names.includes('address'));
}

export interface TrainingSummary {
  /** Where the training records came from (a file name, "register", ...). */
  source: string;
  records: number;
  candidatePairs: number;
  /** Candidate pairs from person-level blocking rules, on which EM ran. */
  trainingPairs: number;
  randomPairs: number;
  randomPairsExhaustive: boolean;
  emIterations: number;
  emConverged: boolean;
  emPatterns: number;
  emSampledPairs: number;
  /** Expected matching pairs among the candidates (from EM), the basis of the prior. */
  expectedMatches: number;
  lambdaCandidates: number;
  relatedShare: number;
  seconds: number;
}

/**
 * A versioned, self-describing Fellegi-Sunter model. Everything in it is estimated from
 * unlabelled records: u from random pairs, m and the prior by EM over blocked pairs. It holds
 * no personal data (term frequencies are taken from the records being linked, not stored).
 */
export interface LinkageModel {
  format: typeof MODEL_FORMAT;
  formatVersion: typeof MODEL_FORMAT_VERSION;
  modelId: string;
  createdAt: string;
  /** Probability that two records drawn at random are the same person. */
  prior: number;
  tfCapBits: number;
  comparisons: ComparisonParameters[];
  blocking: { rules: string[]; window: number };
  thresholds: DecisionThresholds;
  training: TrainingSummary;
}

export interface TrainOptions {
  source?: string;
  /** Comparison names to use (default: every attribute present on at least 1% of records). */
  comparisons?: string[];
  blockingRules?: string[];
  window?: number;
  thresholds?: DecisionThresholds;
  maxRandomPairs?: number;
  maxEmPairs?: number;
  seed?: number;
  now?: Date;
  /** Model relatives as a third latent class in EM (default true). */
  householdClass?: boolean;
}

export interface ResolvedModel {
  comparisons: Comparison[];
  parameters: ComparisonParameters[];
  rules: BlockingRule[];
}

/** Binds a model's comparisons and blocking rules to a store (unknown names are skipped). */
export function resolveModel(store: RecordStore, model: LinkageModel): ResolvedModel {
  const comparisons: Comparison[] = [];
  const parameters: ComparisonParameters[] = [];
  for (const p of model.comparisons) {
    const c = comparisonByName(store, p.name);
    if (c && c.levels.length === p.levels.length) {
      comparisons.push(c);
      parameters.push(p);
    }
  }
  const rules = model.blocking.rules.map((r) => blockingRuleByName(store, r)).filter((r): r is BlockingRule => r !== undefined);
  return { comparisons, parameters, rules };
}

export function scorerFor(store: RecordStore, model: LinkageModel): PairScorer {
  const { comparisons, parameters } = resolveModel(store, model);
  return new PairScorer(store, comparisons, parameters, model.prior, model.tfCapBits);
}

export interface TrainedOnStore {
  model: LinkageModel;
  index: BlockIndex;
  pairs: CandidatePairs;
}

/** Trains on the records of a store; also returns the block index and candidate pairs it built. */
export function trainModelOnStore(store: RecordStore, options: TrainOptions = {}): TrainedOnStore {
  const started = Date.now();
  const comparisons = options.comparisons
    ? options.comparisons.map((n) => comparisonByName(store, n)).filter((c): c is Comparison => c !== undefined)
    : comparisonsForStore(store);
  if (comparisons.length === 0) throw new Error('no attribute is populated enough to train a linkage model');
  const ruleNames = options.blockingRules ?? defaultBlockingRuleNames(store);
  const rules = ruleNames.map((r) => blockingRuleByName(store, r)).filter((r): r is BlockingRule => r !== undefined);
  const window = options.window ?? DEFAULT_WINDOW;
  const index = BlockIndex.build(store, rules, window);
  const pairs = index.pairs((r) => !HOUSEHOLD_RULES.has(r.name));
  const personPairs = flaggedPairs(pairs);
  const trainingPairs = personPairs.length >= 100 ? personPairs : pairs;
  const uSample = estimateU(store, comparisons, { maxPairs: options.maxRandomPairs ?? 300_000, seed: options.seed ?? 42 });
  const em = estimateM(store, comparisons, trainingPairs, uSample.u, {
    maxPairs: options.maxEmPairs ?? 500_000,
    householdComparisons: options.householdClass !== false && householdClassApplies(comparisons.map((c) => c.name)) ? HOUSEHOLD_COMPARISONS : [],
  });
  const n = store.live;
  const allPairs = (n * (n - 1)) / 2;
  // Matches found through household rules only are few; the person-level candidates carry the
  // expected number of matching pairs (EM's share of matches among them).
  const prior = Math.min(0.5, Math.max(1e-12, em.expectedMatches / Math.max(1, allPairs)));
  const parameters: ComparisonParameters[] = comparisons.map((c, k) => ({
    name: c.name,
    levels: [...c.levels],
    m: em.m[k].map(roundSig),
    u: uSample.u[k].map(roundSig),
    tf: c.tfValue !== undefined,
  }));
  const createdAt = (options.now ?? new Date()).toISOString();
  const body = {
    prior: roundSig(prior),
    tfCapBits: DEFAULT_TF_CAP_BITS,
    comparisons: parameters,
    blocking: { rules: rules.map((r) => r.name), window },
    thresholds: { ...(options.thresholds ?? DEFAULT_THRESHOLDS) },
  };
  const model: LinkageModel = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    modelId: `lm-${createdAt.replace(/[-:]/g, '').slice(0, 15)}-${fnv1a(JSON.stringify(body))}`,
    createdAt,
    ...body,
    training: {
      source: options.source ?? 'records',
      records: n,
      candidatePairs: pairs.length,
      trainingPairs: trainingPairs.length,
      randomPairs: uSample.pairs,
      randomPairsExhaustive: uSample.exhaustive,
      emIterations: em.iterations,
      emConverged: em.converged,
      emPatterns: em.patterns,
      emSampledPairs: em.sampledPairs,
      expectedMatches: Math.round(em.expectedMatches),
      lambdaCandidates: roundSig(em.lambdaCandidates),
      relatedShare: roundSig(em.relatedShare),
      seconds: (Date.now() - started) / 1000,
    },
  };
  return { model, index, pairs };
}

/** Estimates a model from records (the register's current records, or a CSV's). */
export function trainModel(records: readonly LinkageRecord[], options: TrainOptions = {}): LinkageModel {
  return trainModelOnStore(RecordStore.fromRecords(records), options).model;
}

export function serialiseModel(model: LinkageModel): string {
  return JSON.stringify(model, null, 2);
}

/** Parses and checks a model produced by serialiseModel (throws on anything malformed). */
export function parseModel(input: string | unknown): LinkageModel {
  const value = (typeof input === 'string' ? JSON.parse(input) : input) as Partial<LinkageModel>;
  const fail = (why: string): never => {
    throw new Error(`invalid linkage model: ${why}`);
  };
  if (!value || typeof value !== 'object') fail('not an object');
  if (value.format !== MODEL_FORMAT) fail(`format is not ${MODEL_FORMAT}`);
  if (value.formatVersion !== MODEL_FORMAT_VERSION) fail(`unsupported formatVersion ${String(value.formatVersion)}`);
  if (typeof value.modelId !== 'string' || value.modelId === '') fail('modelId missing');
  if (typeof value.createdAt !== 'string' || Number.isNaN(Date.parse(value.createdAt))) fail('createdAt missing');
  if (typeof value.prior !== 'number' || !(value.prior > 0 && value.prior < 1)) fail('prior must be in (0, 1)');
  if (!Array.isArray(value.comparisons) || value.comparisons.length === 0) fail('no comparisons');
  for (const c of value.comparisons!) {
    const ok = typeof c.name === 'string' && Array.isArray(c.levels) && Array.isArray(c.m) && Array.isArray(c.u) &&
      c.m.length === c.levels.length && c.u.length === c.levels.length &&
      [...c.m, ...c.u].every((p) => typeof p === 'number' && p > 0 && p <= 1);
    if (!ok) fail(`comparison ${String(c?.name)} is malformed`);
  }
  const b = value.blocking;
  if (!b || !Array.isArray(b.rules) || typeof b.window !== 'number' || b.window < 1) fail('blocking malformed');
  const t = value.thresholds;
  if (!t || !(t.review > 0 && t.review <= t.link && t.link < 1) || !(t.clusterAverage > 0 && t.clusterAverage < 1)) fail('thresholds malformed');
  return { ...(value as LinkageModel), tfCapBits: value.tfCapBits ?? DEFAULT_TF_CAP_BITS };
}

function roundSig(x: number): number {
  return Number(x.toPrecision(6));
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
