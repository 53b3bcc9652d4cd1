/**
 * The perturbation table of the cell-key method (ONS Census 2021 flexible tables, ABS
 * TableBuilder): a published value is a function of a cell's true value and its cell key only, so
 * the same cell is published the same everywhere, whichever query, grouping or format asks.
 *
 * The rule (docs/STATISTICS.md, "Disclosure control"):
 * - 0 is published as 0;
 * - 1 to 4 are never published as themselves: as 5 with probability v/5, otherwise 0 (expected
 *   value v: zero-mean error);
 * - 5 is published as 5; 6 as 5, 6 or 7 (1/4, 1/2, 1/4);
 * - 7 and above as v-2 ... v+2 with probabilities 0.05, 0.2, 0.5, 0.2, 0.05: zero-mean, never
 *   more than 2 away, so England's weekly totals stay within ±2 of the truth, and no value below
 *   5 but 0 is ever published.
 * The probabilities are public (they must be, to be accounted for); the record keys are not.
 */
export interface PerturbationTable {
  readonly name: string;
  /** Largest true value never published as itself. */
  readonly smallestPublished: number;
  /** For v >= smallestPublished: the noise and its probability, by true value (the last row for all larger values). */
  readonly noise: readonly { readonly from: number; readonly steps: readonly (readonly [number, number])[] }[];
}

export const PTABLE_V1: PerturbationTable = Object.freeze({
  name: 'mcm-ptable-v1',
  smallestPublished: 5,
  noise: [
    { from: 5, steps: [[0, 1]] },
    {
      from: 6,
      steps: [
        [-1, 0.25],
        [0, 0.5],
        [1, 0.25],
      ],
    },
    {
      from: 7,
      steps: [
        [-2, 0.05],
        [-1, 0.2],
        [0, 0.5],
        [1, 0.2],
        [2, 0.05],
      ],
    },
  ],
} as const);

/** Cell keys are integers in [0, 2^32): the sum of a cell's record keys, modulo 2^32. */
export const CELL_KEY_MODULUS = 2 ** 32;

/** The published value of a cell: its true count and its cell key through the ptable. */
export function perturb(value: number, cellKey: number, table: PerturbationTable = PTABLE_V1): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`a count must be a non-negative integer, got ${value}`);
  if (value === 0) return 0;
  const u = uniform(cellKey);
  if (value < table.smallestPublished) return u < value / table.smallestPublished ? table.smallestPublished : 0;
  let row = table.noise[0];
  for (const candidate of table.noise) if (value >= candidate.from) row = candidate;
  let cumulative = 0;
  for (const [step, p] of row.steps) {
    cumulative += p;
    if (u < cumulative) return value + step;
  }
  return value + row.steps[row.steps.length - 1][0];
}

/** A cell key as a number in [0, 1). */
export function uniform(cellKey: number): number {
  const k = ((cellKey % CELL_KEY_MODULUS) + CELL_KEY_MODULUS) % CELL_KEY_MODULUS;
  return k / CELL_KEY_MODULUS;
}

/** The cell key of a set of records: the sum of their record keys modulo 2^32 (order-free). */
export function cellKeyOf(recordKeys: Iterable<number>): number {
  let sum = 0;
  for (const k of recordKeys) sum = (sum + k) % CELL_KEY_MODULUS;
  return sum;
}

/** The expected published value and the variance of the error of each true value (for docs and tests). */
export function ptableMoments(value: number, table: PerturbationTable = PTABLE_V1): { mean: number; variance: number } {
  if (value === 0) return { mean: 0, variance: 0 };
  if (value < table.smallestPublished) {
    const p = value / table.smallestPublished;
    const mean = p * table.smallestPublished;
    return { mean, variance: p * (table.smallestPublished - value) ** 2 + (1 - p) * value ** 2 };
  }
  let row = table.noise[0];
  for (const candidate of table.noise) if (value >= candidate.from) row = candidate;
  const mean = value + row.steps.reduce((s, [d, p]) => s + d * p, 0);
  return { mean, variance: row.steps.reduce((s, [d, p]) => s + p * (value + d - mean) ** 2, 0) };
}
