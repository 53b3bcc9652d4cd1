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
    records: n, truePairs, predictedPairs, truePositivePairs: tp, precision, recall, f1, bcubedPrecision, bcubedRecall, bcubedF1,
  };
}
