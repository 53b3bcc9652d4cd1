import { BlockIndex, CandidatePairs } from './blocking';
import { clusterLinks } from './clustering';
import { probabilityFromWeight, weightFromProbability } from './fellegi-sunter';
import { LinkageModel, resolveModel, scorerFor, trainModelOnStore, TrainOptions } from './model';
import { LinkageRecord } from './record';
import { RecordStore } from './store';
import { scorePairs } from './parallel-scoring';

export type ProgressListener = (stage: string, done: number, total: number) => void;

export interface DedupeOptions extends TrainOptions {
  /** Use this model instead of training on the input. */
  model?: LinkageModel;
  onProgress?: ProgressListener;
  /** Worker threads for scoring large batches (default: cores - 1; 0 = main thread only). */
  workers?: number;
  /** Keep the pairs scored between the review and link thresholds (default false). */
  collectReviewPairs?: boolean;
  /** Return the candidate pairs and their weights (for diagnostics; default false). */
  keepPairs?: boolean;
}

export interface ReviewPair {
  a: number;
  b: number;
  probability: number;
}

export interface DedupeResult {
  model: LinkageModel;
  /** Cluster number of each record (0-based, numbered in order of each cluster's first record). */
  cluster: Int32Array;
  clusters: number;
  /** Probability of each record's strongest link inside its cluster (0 for a singleton). */
  bestProbability: Float64Array;
  candidatePairs: number;
  links: number;
  reviews: number;
  reviewPairs: ReviewPair[];
  seconds: Record<string, number>;
  /** With `keepPairs`: every candidate pair and its match weight (bits). */
  scored?: { pairs: CandidatePairs; weights: Float64Array };
}

/** Deduplicates (and links, across sources) a set of records in one batch. */
export function deduplicate(records: readonly LinkageRecord[], options: DedupeOptions = {}): DedupeResult {
  const t0 = Date.now();
  const store = RecordStore.fromRecords(records);
  const seconds: Record<string, number> = { encode: (Date.now() - t0) / 1000 };
  return deduplicateStore(store, options, seconds);
}

export function deduplicateStore(store: RecordStore, options: DedupeOptions = {}, seconds: Record<string, number> = {}): DedupeResult {
  const progress = options.onProgress ?? (() => undefined);
  let t = Date.now();
  const lap = (name: string) => {
    const now = Date.now();
    seconds[name] = (now - t) / 1000;
    t = now;
  };
  let model: LinkageModel;
  let pairs: CandidatePairs;
  if (options.model) {
    model = options.model;
    const { rules } = resolveModel(store, model);
    progress('blocking', 0, store.size);
    pairs = BlockIndex.build(store, rules, model.blocking.window).pairs();
    lap('blocking');
  } else {
    progress('training', 0, store.size);
    ({ model, pairs } = trainModelOnStore(store, options));
    lap('training');
  }
  const scorer = scorerFor(store, model);
  progress('scoring', 0, pairs.length);
  const weights = scorePairs(store, model, pairs, options.workers);
  progress('scoring', pairs.length, pairs.length);
  lap('scoring');
  const linkWeight = weightFromProbability(model.thresholds.link);
  const reviewWeight = weightFromProbability(model.thresholds.review);
  progress('clustering', 0, store.size);
  const label = clusterLinks(store.size, pairs, weights, linkWeight, model.thresholds.clusterAverage, (a, b) => scorer.weight(a, b));
  const cluster = new Int32Array(store.size);
  const numberOf = new Map<number, number>();
  for (let i = 0; i < store.size; i++) {
    let k = numberOf.get(label[i]);
    if (k === undefined) {
      k = numberOf.size;
      numberOf.set(label[i], k);
    }
    cluster[i] = k;
  }
  const best = new Float64Array(store.size);
  let links = 0;
  let reviews = 0;
  const reviewPairs: ReviewPair[] = [];
  for (let p = 0; p < pairs.length; p++) {
    const w = weights[p];
    if (w >= linkWeight) {
      links++;
      const a = pairs.a[p];
      const b = pairs.b[p];
      if (cluster[a] === cluster[b]) {
        const prob = probabilityFromWeight(w);
        if (prob > best[a]) best[a] = prob;
        if (prob > best[b]) best[b] = prob;
      }
    } else if (w >= reviewWeight) {
      reviews++;
      if (options.collectReviewPairs) reviewPairs.push({ a: pairs.a[p], b: pairs.b[p], probability: probabilityFromWeight(w) });
    }
  }
  progress('clustering', store.size, store.size);
  lap('clustering');
  return {
    model,
    cluster,
    clusters: numberOf.size,
    bestProbability: best,
    candidatePairs: pairs.length,
    links,
    reviews,
    reviewPairs,
    seconds,
    scored: options.keepPairs ? { pairs, weights } : undefined,
  };
}
