import { determinedCells, LinearStructure } from './linear-system';
import { assertCount, assertRules, DisclosureRules, isPrimary } from './rules';

export type SuppressionReason = 'primary' | 'secondary';

export interface SuppressionProblem {
  structure: LinearStructure;
  /** True counts, non-negative integers, satisfying every equation. */
  values: readonly number[];
  /** Cells published in full whatever their value (national figures). Never suppressed. */
  inFull: readonly boolean[];
  rules: DisclosureRules;
  /**
   * Set when the cells are an augmented table with margins: `rows` x `columns` cells, row by row,
   * the last column holding the row totals and the last row the column totals (tableStructure).
   * Enables the rectangle step below.
   */
  marginGrid?: { rows: number; columns: number };
}

export interface SuppressionPattern {
  /** Suppressed cells and why, in cell order. */
  suppressed: Map<number, SuppressionReason>;
  /**
   * Suppressed cells that a reader can nevertheless work out exactly, because the cells that would
   * have to be suppressed with them are published in full (national figures) or are zeros. Empty
   * unless some cells are published in full.
   */
  unprotected: number[];
}

/**
 * Chooses the cells to suppress: every primary cell (1 <= count <= threshold, not published in
 * full), then complementary (secondary) cells until no suppressed cell can be worked out from the
 * published cells and equations.
 *
 * 0. Rectangles (tables only): for each primary cell, the cheapest rectangle of the augmented
 *    table (the cell, a cell in its row, one in its column and the one opposite; margins included)
 *    whose other corners are non-zero and not published in full, and along which the primary can
 *    move by one unit while every cell it lowers stays >= 1. Cost: the sum of the corners not
 *    yet suppressed. Such a cycle alone makes all four corners undetermined; the rectangle of the
 *    cell's row total, column total and grand total always qualifies unless a margin is in full.
 * 1. Line rule (cheap, necessary): an equation with exactly one suppressed cell gives that cell
 *    away, so a second cell of the equation is suppressed: the smallest non-zero eligible count
 *    (least information lost), preferring one that creates no new single-suppression line.
 * 2. Exact audit (sufficient): determinedCells (rank test, then exact LP bounds with every
 *    suppressed cell >= 1). For the first determined cell, one extra suppression is added: the
 *    first candidate that makes the cell undetermined on its own, trying the cell's own row and
 *    column first and then every other cell, each group by increasing value; if no single one
 *    does, the cheapest on the cell's own lines. Repeat from 1 until the audit finds nothing.
 * A cell that stays determined even with every eligible cell suppressed cannot be protected (it is
 * given away by cells published in full); it stays suppressed and is reported in `unprotected`.
 */
export function chooseSuppression(problem: SuppressionProblem): SuppressionPattern {
  const { structure, values, inFull, rules } = problem;
  assertRules(rules);
  if (values.length !== structure.size || inFull.length !== structure.size) throw new RangeError('values and inFull must have one entry per cell');
  values.forEach((v, k) => assertCount(v, `values[${k}]`));
  const suppressed = new Map<number, SuppressionReason>();
  const unprotected = new Set<number>();
  const linesOf: number[][] = Array.from({ length: structure.size }, () => []);
  structure.equations.forEach((eq, e) => {
    for (const { cell } of eq) if (!linesOf[cell].includes(e)) linesOf[cell].push(e);
  });
  const cellsOf = structure.equations.map((eq) => [...new Set(eq.map((t) => t.cell))]);

  for (let cell = 0; cell < structure.size; cell++) {
    if (!inFull[cell] && isPrimary(values[cell], rules)) suppressed.set(cell, 'primary');
  }
  if (suppressed.size === 0) return { suppressed, unprotected: [] };

  const eligible = (cell: number): boolean => !inFull[cell] && values[cell] > 0 && !suppressed.has(cell);
  const suppressedIn = (e: number): number => cellsOf[e].filter((c) => suppressed.has(c)).length;
  /** Lines of `cell` other than `line` that would go from 0 to 1 suppressed cell. */
  const newSingletons = (cell: number, line?: number): number =>
    linesOf[cell].filter((e) => e !== line && suppressedIn(e) === 0).length;
  const byCost =
    (line?: number) =>
    (a: number, b: number): number =>
      values[a] - values[b] || newSingletons(a, line) - newSingletons(b, line) || a - b;

  const applyLineRule = (): void => {
    for (;;) {
      const line = structure.equations.findIndex((_, e) => {
        const inLine = cellsOf[e].filter((c) => suppressed.has(c));
        return inLine.length === 1 && !unprotected.has(inLine[0]);
      });
      if (line < 0) return;
      const candidates = cellsOf[line].filter(eligible).sort(byCost(line));
      if (candidates.length > 0) suppressed.set(candidates[0], 'secondary');
      else unprotected.add(cellsOf[line].find((c) => suppressed.has(c))!);
    }
  };

  if (problem.marginGrid !== undefined) {
    for (const [cell, reason] of [...suppressed]) {
      if (reason !== 'primary') continue;
      for (const added of cheapestRectangle(problem.marginGrid, cell, values, inFull, suppressed)) suppressed.set(added, 'secondary');
    }
  }

  const withCell = (extra: Iterable<number>): Set<number> => new Set([...suppressed.keys(), ...extra]);

  for (;;) {
    applyLineRule();
    const open = [...suppressed.keys()].filter((c) => !unprotected.has(c));
    const determined = determinedCells(structure, values, withCell([]), open);
    if (determined.length === 0) break;
    const target = determined[0];
    const candidates = Array.from({ length: structure.size }, (_, c) => c)
      .filter(eligible)
      .sort(byCost());
    if (candidates.length === 0 || determinedCells(structure, values, withCell(candidates), [target]).length > 0) {
      unprotected.add(target);
      continue;
    }
    const onTargetLines = (c: number): boolean => linesOf[c].some((e) => linesOf[target].includes(e));
    const ordered = [...candidates.filter(onTargetLines), ...candidates.filter((c) => !onTargetLines(c))];
    const single = ordered.find((c) => determinedCells(structure, values, withCell([c]), [target]).length === 0);
    suppressed.set(single ?? ordered[0], 'secondary');
  }

  return {
    suppressed: new Map([...suppressed.entries()].sort((a, b) => a[0] - b[0])),
    unprotected: [...unprotected].sort((a, b) => a - b),
  };
}

/** The not-yet-suppressed corners of the cheapest protecting rectangle through `cell` (step 0). */
function cheapestRectangle(
  grid: { rows: number; columns: number },
  cell: number,
  values: readonly number[],
  inFull: readonly boolean[],
  suppressed: ReadonlyMap<number, SuppressionReason>,
): number[] {
  const { rows, columns } = grid;
  const at = (i: number, j: number): number => i * columns + j;
  // Row and column totals enter their lines with coefficient -1 (the grand total with +1 in both).
  const sign = (i: number, j: number): 1 | -1 => ((i === rows - 1) !== (j === columns - 1) ? -1 : 1);
  const usable = (k: number): boolean => suppressed.has(k) || (!inFull[k] && values[k] > 0);
  const i = Math.floor(cell / columns);
  const j = cell % columns;
  let best: { cost: number; added: number[] } | undefined;
  for (let i2 = 0; i2 < rows; i2++) {
    if (i2 === i) continue;
    for (let j2 = 0; j2 < columns; j2++) {
      if (j2 === j) continue;
      const corners = [at(i, j2), at(i2, j), at(i2, j2)];
      if (!corners.every(usable)) continue;
      // A unit move around the rectangle, in the change of each true cell.
      const moves = (
        [
          [i, j, 1],
          [i, j2, -1],
          [i2, j, -1],
          [i2, j2, 1],
        ] as const
      ).map(([a, b, d]) => ({ k: at(a, b), dx: d * sign(a, b) }));
      const feasible = (dir: 1 | -1): boolean => moves.every(({ k, dx }) => dir * dx > 0 || values[k] >= 2);
      if (!feasible(1) && !feasible(-1)) continue;
      const added = corners.filter((k) => !suppressed.has(k));
      const cost = added.reduce((s, k) => s + values[k], 0);
      if (best === undefined || cost < best.cost || (cost === best.cost && added.length < best.added.length)) best = { cost, added };
    }
  }
  return best?.added ?? [];
}
