/** Pairwise and B-cubed accuracy of a clustering against ground truth (labels only for evaluation). */
export interface ClusterMetrics {
  records: number;
  truePairs: number;
  predictedPairs: number;
  truePositivePairs: number;
  precision: number;
  recall: number;
  f1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

/** `predicted[i]` and `truth[i]` are the cluster labels of record i. */
export function evaluateClusters(predicted: readonly (string | number)[], truth: readonly (string | number)[]): ClusterMetrics {
  if (predicted.length !== truth.length) throw new Error('predicted and truth must have the same length');
  const n = predicted.length;
  const predSize = new Map<string | number, number>();
  const trueSize = new Map<string | number, number>();
  const cell = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    predSize.set(predicted[i], (predSize.get(predicted[i]) ?? 0) + 1);
    trueSize.set(truth[i], (trueSize.get(truth[i]) ?? 0) + 1);
    const key = `${predicted[i]}\u0000${truth[i]}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
  }
  let predictedPairs = 0;
  for (const s of predSize.values()) predictedPairs += pairsOf(s);
  let truePairs = 0;
  for (const s of trueSize.values()) truePairs += pairsOf(s);
  let tp = 0;
  for (const s of cell.values()) tp += pairsOf(s);
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    const overlap = cell.get(`${predicted[i]}\u0000${truth[i]}`)!;
    bp += overlap / predSize.get(predicted[i])!;
    br += overlap / trueSize.get(truth[i])!;
  }
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const bcubedPrecision = n === 0 ? 1 : bp / n;
  const bcubedRecall = n === 0 ? 1 : br / n;
  const bcubedF1 = bcubedPrecision + bcubedRecall === 0 ? 0 : (2 * bcubedPrecision * bcubedRecall) / (bcubedPrecision + bcubedRecall);
  return {
    records: n,
    truePairs,
    predictedPairs,
    truePositivePairs: tp,
    precision,
    recall,
    f1,
    bcubedPrecision,
    bcubedRecall,
    bcubedF1,
  };
}

/** Pairwise accuracy for the records of one group (sex, ethnicity group, ...). */
export interface GroupMetrics {
  group: string;
  records: number;
  /** True pairs whose records belong to the group. */
  truePairs: number;
  /** Predicted pairs with at least one record of the group. */
  predictedPairs: number;
  truePositivePairs: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Pairwise metrics by group. `group[i]` is the group of record i's true entity. Recall: share
 * of the group's true pairs put in one cluster. Precision: share of the predicted pairs
 * touching the group (at least one record in it) that are true pairs; a false pair between
 * two groups counts against both.
 */
export function evaluateByGroup(
  predicted: readonly (string | number)[],
  truth: readonly (string | number)[],
  group: readonly string[],
): GroupMetrics[] {
  const n = predicted.length;
  if (truth.length !== n || group.length !== n) throw new Error('predicted, truth and group must have the same length');
  const groups = [...new Set(group)].sort();
  return groups.map((g) => {
    const predAll = new Map<string | number, number>();
    const predIn = new Map<string | number, number>();
    const trueIn = new Map<string | number, number>();
    const cell = new Map<string, number>();
    let records = 0;
    for (let i = 0; i < n; i++) {
      predAll.set(predicted[i], (predAll.get(predicted[i]) ?? 0) + 1);
      if (group[i] !== g) continue;
      records++;
      predIn.set(predicted[i], (predIn.get(predicted[i]) ?? 0) + 1);
      trueIn.set(truth[i], (trueIn.get(truth[i]) ?? 0) + 1);
      const key = `${predicted[i]}\u0000${truth[i]}`;
      cell.set(key, (cell.get(key) ?? 0) + 1);
    }
    let truePairs = 0;
    for (const s of trueIn.values()) truePairs += pairsOf(s);
    let tp = 0;
    for (const s of cell.values()) tp += pairsOf(s);
    let predictedPairs = 0;
    for (const [c, k] of predIn) predictedPairs += pairsOf(predAll.get(c)!) - pairsOf(predAll.get(c)! - k);
    const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
    const recall = truePairs === 0 ? 1 : tp / truePairs;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { group: g, records, truePairs, predictedPairs, truePositivePairs: tp, precision, recall, f1 };
  });
}

/** Where the true pairs that were not put together were lost (for diagnosing recall). */
export interface RecallLoss {
  truePairs: number;
  together: number;
  /** Never proposed by blocking. */
  notCandidate: number;
  /** Proposed but scored below the link threshold. */
  belowThreshold: number;
  /** Scored as a link but left in different clusters by the clustering rule. */
  splitByClustering: number;
}

/**
 * Classifies every true pair (labels used here only, for evaluation). `weights` holds the
 * score of each candidate pair; `linkWeight` the link threshold in bits.
 */
export function recallLoss(
  predicted: ArrayLike<number>,
  truth: readonly (string | number)[],
  pairs: { a: ArrayLike<number>; b: ArrayLike<number>; length: number },
  weights: ArrayLike<number>,
  linkWeight: number,
): RecallLoss {
  const n = truth.length;
  const score = new Map<number, number>();
  for (let p = 0; p < pairs.length; p++) score.set(pairs.a[p] * n + pairs.b[p], weights[p]);
  const members = new Map<string | number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = members.get(truth[i]);
    if (list) list.push(i);
    else members.set(truth[i], [i]);
  }
  const out: RecallLoss = { truePairs: 0, together: 0, notCandidate: 0, belowThreshold: 0, splitByClustering: 0 };
  for (const list of members.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x];
        const b = list[y];
        out.truePairs++;
        if (predicted[a] === predicted[b]) {
          out.together++;
          continue;
        }
        const w = score.get(a < b ? a * n + b : b * n + a);
        if (w === undefined) out.notCandidate++;
        else if (w < linkWeight) out.belowThreshold++;
        else out.splitByClustering++;
      }
    }
  }
  return out;
}
