import { CellInterval, feasibleIntervals, LinearStructure } from './linear-system';
import { Published } from './published';
import { assertCount, assertRules, DEFAULT_RULES, DisclosureRules } from './rules';
import { chooseSuppression, SuppressionReason } from './suppress';

export interface CountTable {
  /** Row labels, e.g. the local authorities of a region. */
  rows: string[];
  /** Column labels, e.g. settings. */
  columns: string[];
  /** values[row][column]: true counts, non-negative integers. */
  values: number[][];
  /** Total across the columns of each row. Computed from the true values when omitted; must be additive if given. */
  rowTotals?: number[];
  /** Total down the rows of each column. Computed when omitted; must be additive if given. */
  columnTotals?: number[];
  /** Total of the table. Computed when omitted. */
  grandTotal?: number;
}

export interface TableOptions {
  /** The whole table is national: everything is published in full, nothing suppressed. */
  national?: boolean;
  /**
   * Margins that are national figures, published in full. E.g. rows = regions of England: the
   * column totals are England's figures (`columnTotals: true`). The grand total is national as soon
   * as either margin is.
   */
  nationalMargins?: { rowTotals?: boolean; columnTotals?: boolean };
}

/**
 * A suppressed position in the augmented table: row < rows.length and column < columns.length is
 * a value; column === columns.length is that row's total; row === rows.length is that column's
 * total; both is the grand total.
 */
export interface SuppressedCell {
  row: number;
  column: number;
  reason: SuppressionReason;
}

export interface ProtectedTable {
  values: Published[][];
  rowTotals: Published[];
  columnTotals: Published[];
  grandTotal: Published;
  suppressed: SuppressedCell[];
  /** Suppressed cells a reader can still work out, because of cells published in full (see README). */
  unprotected: { row: number; column: number }[];
}

/** Cell index of (row, column) in the augmented (r+1) x (c+1) table, margins last. */
export function augmentedIndex(columns: number, row: number, column: number): number {
  return row * (columns + 1) + column;
}

/**
 * The published equations of an r x c table with its margins, as a linear structure over the
 * augmented (r+1) x (c+1) table: each row of values minus its row total is 0, each column of values
 * minus its column total is 0, and the margins sum to the grand total both ways.
 */
export function tableStructure(rows: number, columns: number): LinearStructure {
  const at = (i: number, j: number): number => augmentedIndex(columns, i, j);
  const equations: { cell: number; coef: number }[][] = [];
  for (let i = 0; i <= rows; i++) {
    equations.push([...Array.from({ length: columns }, (_, j) => ({ cell: at(i, j), coef: 1 })), { cell: at(i, columns), coef: -1 }]);
  }
  for (let j = 0; j <= columns; j++) {
    equations.push([...Array.from({ length: rows }, (_, i) => ({ cell: at(i, j), coef: 1 })), { cell: at(rows, j), coef: -1 }]);
  }
  return { size: (rows + 1) * (columns + 1), equations };
}

/** The augmented (r+1) x (c+1) table of true counts, flattened row by row; validates the input. */
export function augmentTable(table: CountTable): number[] {
  const r = table.rows.length;
  const c = table.columns.length;
  if (table.values.length !== r) throw new RangeError(`Expected ${r} rows of values, got ${table.values.length}`);
  table.values.forEach((row, i) => {
    if (row.length !== c) throw new RangeError(`Row ${i} has ${row.length} values, expected ${c}`);
    row.forEach((v, j) => assertCount(v, `values[${i}][${j}]`));
  });
  const rowTotals = table.values.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = Array.from({ length: c }, (_, j) => table.values.reduce((s, row) => s + row[j], 0));
  const grand = rowTotals.reduce((s, v) => s + v, 0);
  const check = (given: number[] | undefined, computed: number[], what: string): void => {
    if (given === undefined) return;
    if (given.length !== computed.length) throw new RangeError(`Expected ${computed.length} ${what}, got ${given.length}`);
    given.forEach((v, k) => {
      if (v !== computed[k]) throw new RangeError(`${what}[${k}] is ${v} but the values sum to ${computed[k]}: totals must be additive`);
    });
  };
  check(table.rowTotals, rowTotals, 'rowTotals');
  check(table.columnTotals, columnTotals, 'columnTotals');
  check(table.grandTotal === undefined ? undefined : [table.grandTotal], [grand], 'grandTotal');
  const out: number[] = [];
  for (let i = 0; i < r; i++) out.push(...table.values[i], rowTotals[i]);
  out.push(...columnTotals, grand);
  return out;
}

function inFullCells(r: number, c: number, options: TableOptions): boolean[] {
  const inFull = new Array<boolean>((r + 1) * (c + 1)).fill(options.national === true);
  const { rowTotals = false, columnTotals = false } = options.nationalMargins ?? {};
  for (let i = 0; i <= r; i++) if (rowTotals) inFull[augmentedIndex(c, i, c)] = true;
  for (let j = 0; j <= c; j++) if (columnTotals) inFull[augmentedIndex(c, r, j)] = true;
  return inFull;
}

/**
 * Disclosure control of a 2-D table of counts published with its row and column totals.
 *
 * The margins are treated as cells of the augmented (r+1) x (c+1) table: a small margin is
 * primary-suppressed like any count, and a margin may be a complementary suppression (when it is
 * the cheapest one). Totals are the sums of the true values, never of the published ones. See
 * chooseSuppression for the method and README.md for what is guaranteed.
 */
export function protectTable(table: CountTable, rules: DisclosureRules = DEFAULT_RULES, options: TableOptions = {}): ProtectedTable {
  assertRules(rules);
  const r = table.rows.length;
  const c = table.columns.length;
  const values = augmentTable(table);
  const { suppressed, unprotected } = chooseSuppression({
    structure: tableStructure(r, c),
    values,
    inFull: inFullCells(r, c, options),
    rules,
    marginGrid: { rows: r + 1, columns: c + 1 },
  });
  const pub = (i: number, j: number): Published => {
    const k = augmentedIndex(c, i, j);
    return suppressed.has(k) ? 'c' : values[k];
  };
  const position = (k: number): { row: number; column: number } => ({ row: Math.floor(k / (c + 1)), column: k % (c + 1) });
  return {
    values: Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => pub(i, j))),
    rowTotals: Array.from({ length: r }, (_, i) => pub(i, c)),
    columnTotals: Array.from({ length: c }, (_, j) => pub(r, j)),
    grandTotal: pub(r, c),
    suppressed: [...suppressed].map(([k, reason]) => ({ ...position(k), reason })),
    unprotected: unprotected.map(position),
  };
}

/**
 * What a reader can work out about each suppressed cell of a protected table: its exact feasible
 * interval given every published value and total (suppressed cells >= 1). For audits and tests.
 */
export function auditTable(table: CountTable, published: ProtectedTable): (CellInterval & { row: number; column: number })[] {
  const c = table.columns.length;
  const values = augmentTable(table);
  const suppressed = new Set(published.suppressed.map((s) => augmentedIndex(c, s.row, s.column)));
  return feasibleIntervals(tableStructure(table.rows.length, c), values, suppressed).map((iv) => ({
    ...iv,
    row: Math.floor(iv.cell / (c + 1)),
    column: iv.cell % (c + 1),
  }));
}
