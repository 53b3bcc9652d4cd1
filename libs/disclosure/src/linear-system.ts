import { Rational } from './rational';
import { FeasibleTableau } from './simplex';

/**
 * What a reader of a publication knows, as linear algebra: a set of cells (non-negative integer
 * counts) tied by additive equations (each equation: the sum of coef * cell is zero, e.g. the cells
 * of a row minus the row total). Some cells are published, the others are suppressed.
 */
export interface LinearStructure {
  /** Number of cells. */
  readonly size: number;
  /** Each equation is a list of terms whose sum is zero. */
  readonly equations: readonly (readonly { cell: number; coef: number }[])[];
}

/** How far a reader can narrow one suppressed cell down. */
export interface CellInterval {
  cell: number;
  /** Smallest value consistent with everything published (an integer). */
  min: number;
  /** Largest value consistent with everything published; Infinity when unbounded. */
  max: number;
  /** min === max: the reader knows the value. */
  determined: boolean;
  /** 'linear': fixed by the equations alone; 'bounds': fixed only once non-negativity is used. */
  how?: 'linear' | 'bounds';
}

/**
 * The least value a reader may assume for a suppressed cell. Zeros are always published, so a
 * suppressed cell is known to be at least 1.
 */
export const SUPPRESSED_LOWER_BOUND = 1;

/** The equations restricted to the suppressed cells: A x_S = b, with x_S shifted by the lower bound. */
interface ReducedSystem {
  cells: number[];
  tableau: FeasibleTableau;
  lower: number;
}

function reduce(structure: LinearStructure, values: readonly number[], suppressed: ReadonlySet<number>, lower: number): ReducedSystem {
  const cells = [...suppressed].sort((a, b) => a - b);
  const column = new Map(cells.map((c, j) => [c, j] as const));
  const a: Rational[][] = [];
  const b: Rational[] = [];
  for (const equation of structure.equations) {
    const row = new Array<Rational>(cells.length).fill(Rational.ZERO);
    let known = 0;
    let touches = false;
    for (const { cell, coef } of equation) {
      const j = column.get(cell);
      if (j === undefined) known += coef * values[cell];
      else {
        row[j] = row[j].add(Rational.of(coef));
        // The unknown is z = x - lower, so coef * x = coef * z + coef * lower.
        known += coef * lower;
        touches = true;
      }
    }
    if (!touches) {
      if (known !== 0) throw new RangeError('The cells do not satisfy the equations (are the totals additive?)');
      continue;
    }
    a.push(row);
    b.push(Rational.of(-known));
  }
  return { cells, tableau: FeasibleTableau.build(a, b, cells.length), lower };
}

function unit(n: number, k: number, sign: 1 | -1): Rational[] {
  const c = new Array<Rational>(n).fill(Rational.ZERO);
  c[k] = sign === 1 ? Rational.ONE : Rational.ONE.neg();
  return c;
}

/**
 * The exact feasible interval of every suppressed cell: min and max of the cell over all
 * non-negative solutions (suppressed cells >= lowerBound) of the published equations, computed by
 * an exact rational simplex (two LPs per cell). For tables with margins and for series the
 * constraint matrix is totally unimodular, so the LP bounds are attained by integer tables and the
 * interval is exactly the set of values a reader cannot rule out.
 */
export function feasibleIntervals(
  structure: LinearStructure,
  values: readonly number[],
  suppressed: ReadonlySet<number>,
  lowerBound = SUPPRESSED_LOWER_BOUND,
): CellInterval[] {
  if (suppressed.size === 0) return [];
  const { cells, tableau, lower } = reduce(structure, values, suppressed, lowerBound);
  return cells.map((cell, k) => {
    const linear = tableau.isLinearlyDetermined(k);
    const hi = tableau.maximize(unit(cells.length, k, 1));
    const lo = tableau.maximize(unit(cells.length, k, -1));
    if (lo.status !== 'optimal') throw new Error('unreachable: z >= 0 bounds every minimum');
    const min = Number(lo.value.neg().ceil()) + lower;
    const max = hi.status === 'unbounded' ? Infinity : Number(hi.value.floor()) + lower;
    const determined = min === max;
    return { cell, min, max, determined, ...(determined ? { how: linear ? ('linear' as const) : ('bounds' as const) } : {}) };
  });
}

/**
 * The suppressed cells (among `targets`, default all) whose value a reader can work out exactly.
 * Same criterion as feasibleIntervals, faster: a rank test first, then LPs, and any vertex met on
 * the way that differs from the true table in some cell proves that cell is not determined.
 */
export function determinedCells(
  structure: LinearStructure,
  values: readonly number[],
  suppressed: ReadonlySet<number>,
  targets?: Iterable<number>,
  lowerBound = SUPPRESSED_LOWER_BOUND,
): number[] {
  if (suppressed.size === 0) return [];
  const { cells, tableau, lower } = reduce(structure, values, suppressed, lowerBound);
  const index = new Map(cells.map((c, k) => [c, k] as const));
  const wanted = targets === undefined ? cells : [...targets].filter((c) => index.has(c));
  const varies = new Set<number>();
  const witness = (): void => {
    const z = tableau.solution();
    if (!z.every((v) => v.isInteger())) return;
    z.forEach((v, k) => {
      if (Number(v.num) + lower !== values[cells[k]]) varies.add(k);
    });
  };
  witness();
  const determined: number[] = [];
  for (const cell of wanted) {
    const k = index.get(cell)!;
    if (varies.has(k)) continue;
    if (tableau.isLinearlyDetermined(k)) {
      determined.push(cell);
      continue;
    }
    const truth = values[cell] - lower;
    const hi = tableau.maximize(unit(cells.length, k, 1));
    if (hi.status === 'unbounded' || hi.value.floor() > BigInt(truth)) {
      varies.add(k);
      witness();
      continue;
    }
    witness();
    const lo = tableau.maximize(unit(cells.length, k, -1));
    if (lo.status === 'optimal' && lo.value.neg().ceil() < BigInt(truth)) {
      varies.add(k);
      witness();
      continue;
    }
    witness();
    if (!varies.has(k)) determined.push(cell);
  }
  return determined;
}
