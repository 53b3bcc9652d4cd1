import { CellInterval, feasibleIntervals, LinearStructure } from './linear-system';
import { Published } from './published';
import { assertCount, assertRules, DEFAULT_RULES, DisclosureRules } from './rules';
import { chooseSuppression, SuppressionReason } from './suppress';

export interface SeriesOptions {
  /** The total; computed from the true values when omitted, must be their sum if given. */
  total?: number;
  /** The whole series is national: published in full. */
  national?: boolean;
  /** Only the total is national (e.g. categories by region summing to England): total in full. */
  nationalTotal?: boolean;
}

export interface ProtectedSeries {
  values: Published[];
  total: Published;
  /** index === values.length is the total. */
  suppressed: { index: number; reason: SuppressionReason }[];
  /** Suppressed entries a reader can still work out because the total is published in full. */
  unprotected: number[];
}

/** One equation: the values minus the total is 0. Cell values.length is the total. */
export function seriesStructure(length: number): LinearStructure {
  return {
    size: length + 1,
    equations: [[...Array.from({ length }, (_, i) => ({ cell: i, coef: 1 })), { cell: length, coef: -1 }]],
  };
}

function withTotal(values: readonly number[], total: number | undefined): number[] {
  values.forEach((v, i) => assertCount(v, `values[${i}]`));
  const sum = values.reduce((s, v) => s + v, 0);
  if (total !== undefined && total !== sum) throw new RangeError(`total is ${total} but the values sum to ${sum}: totals must be additive`);
  return [...values, sum];
}

/**
 * Disclosure control of a one-dimensional breakdown published with its total (e.g. the categories
 * of a breakdown for one local authority). Same rules and guarantee as protectTable.
 */
export function protectSeries(values: readonly number[], rules: DisclosureRules = DEFAULT_RULES, options: SeriesOptions = {}): ProtectedSeries {
  assertRules(rules);
  const cells = withTotal(values, options.total);
  const n = values.length;
  const inFull = cells.map((_, i) => options.national === true || (i === n && options.nationalTotal === true));
  const { suppressed, unprotected } = chooseSuppression({ structure: seriesStructure(n), values: cells, inFull, rules });
  const pub = (i: number): Published => (suppressed.has(i) ? 'c' : cells[i]);
  return {
    values: values.map((_, i) => pub(i)),
    total: pub(n),
    suppressed: [...suppressed].map(([index, reason]) => ({ index, reason })),
    unprotected,
  };
}

/** Exact feasible interval of each suppressed entry of a protected series (index n is the total). */
export function auditSeries(values: readonly number[], published: ProtectedSeries): CellInterval[] {
  const cells = withTotal(values, undefined);
  return feasibleIntervals(seriesStructure(values.length), cells, new Set(published.suppressed.map((s) => s.index)));
}
