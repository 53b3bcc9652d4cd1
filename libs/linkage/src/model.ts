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
/** The address-level ones among them. */
const ADDRESS_COMPARISONS = ['postcode', 'la_code', 'address'];

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
  /**
   * Probability that two records drawn at random are two people of one household (EM's
   * "related" class); with each comparison's `h`, pairs are scored against it too (see
   * PairScorer). Absent from models trained without that class.
   */
  householdPrior?: number;
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
  return new PairScorer(store, comparisons, parameters, model.prior, model.tfCapBits, model.householdPrior);
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
  const household = householdEstimate(store, comparisons, window, uSample.u, em.m, options);
  const householdPrior = household ? Math.min(0.25, Math.max(1e-12, household.expectedPairs / Math.max(1, allPairs))) : undefined;
  const parameters: ComparisonParameters[] = comparisons.map((c, k) => ({
    name: c.name,
    levels: [...c.levels],
    m: em.m[k].map(roundSig),
    u: uSample.u[k].map(roundSig),
    tf: c.tfValue !== undefined,
    ...(household ? { h: household.h[k].map(roundSig) } : {}),
  }));
  const createdAt = (options.now ?? new Date()).toISOString();
  const body = {
    prior: roundSig(prior),
    ...(householdPrior !== undefined ? { householdPrior: roundSig(householdPrior) } : {}),
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

/** Largest share of the household class agreeing exactly on date of birth (twins) for it to be one. */
const MAX_HOUSEHOLD_SAME_BIRTH_DATE = 0.5;

/** Fewest same-postcode pairs from which the household class is estimated. */
const MIN_HOUSEHOLD_PAIRS = 100;

/**
 * The "same household, another person" class for scoring. The person-level candidates hold few
 * siblings (they differ in given name and date of birth), and over all candidates the pairs
 * sharing only a common family name outnumber them, so a second EM runs over the pairs sharing
 * a postcode (the postcode rule's neighbourhoods: siblings, then neighbours), with m held at the
 * person-level estimate and a class initialised to agree on family name and address whose given
 * names agree no more than strangers' do (held at u: without that, where there are no households,
 * EM makes the class a copy of the match class, noisy duplicates sharing a postcode). Its level
 * distribution h and its expected number of pairs give the household prior. Those pairs all
 * agree on postcode, so the class cannot learn how siblings' addresses differ: it is held at
 * the match class's (two records of siblings differ in address as two of one child do, since a
 * household moves together), and the count is scaled by the match share agreeing on postcode.
 * Undefined without family name, given name and postcode, or with too few pairs.
 */
function householdEstimate(
  store: RecordStore,
  comparisons: readonly Comparison[],
  window: number,
  uRandom: number[][],
  m: number[][],
  options: TrainOptions,
): { h: number[][]; expectedPairs: number } | undefined {
  const names = comparisons.map((c) => c.name);
  const postcodeRule = blockingRuleByName(store, 'postcode');
  if (
    options.householdClass === false ||
    !names.includes('family_name') ||
    !names.includes('given_name') ||
    !names.includes('postcode') ||
    !postcodeRule
  )
    return undefined;
  const pairs = BlockIndex.build(store, [postcodeRule], window).pairs();
  if (pairs.length < MIN_HOUSEHOLD_PAIRS) return undefined;
  const em = estimateM(store, comparisons, pairs, uRandom, {
    maxPairs: options.maxEmPairs ?? 500_000,
    householdComparisons: HOUSEHOLD_COMPARISONS,
    fixedM: m,
    relatedLikeRandom: ['given_name'],
    relatedLikeMatch: ADDRESS_COMPARISONS,
  });
  if (!em.h) return undefined;
  // Siblings are mostly not twins. A class in which most pairs share a date of birth is one
  // person's records with a mistyped given name (public test sets have no households): no
  // household correction then.
  const dob = names.indexOf('dob');
  if (dob >= 0 && em.h[dob][0] > MAX_HOUSEHOLD_SAME_BIRTH_DATE) return undefined;
  // Only pairs agreeing exactly on postcode were seen; siblings' records disagree on it as
  // often as one child's records do (m), so the household's pairs are that many more.
  const postcodeExact = m[names.indexOf('postcode')][0];
  return { h: em.h, expectedPairs: (em.relatedShare * pairs.length) / Math.max(0.05, postcodeExact) };
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
  if (
    value.householdPrior !== undefined &&
    !(typeof value.householdPrior === 'number' && value.householdPrior > 0 && value.householdPrior + value.prior! < 1)
  )
    fail('householdPrior must be in (0, 1 - prior)');
  if (!Array.isArray(value.comparisons) || value.comparisons.length === 0) fail('no comparisons');
  for (const c of value.comparisons!) {
    const ok =
      typeof c.name === 'string' &&
      Array.isArray(c.levels) &&
      Array.isArray(c.m) &&
      Array.isArray(c.u) &&
      c.m.length === c.levels.length &&
      c.u.length === c.levels.length &&
      [...c.m, ...c.u].every((p) => typeof p === 'number' && p > 0 && p <= 1) &&
      (c.h === undefined || (Array.isArray(c.h) && c.h.length === c.levels.length && c.h.every((p) => typeof p === 'number' && p > 0 && p <= 1)));
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
