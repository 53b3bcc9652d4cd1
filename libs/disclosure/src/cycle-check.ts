import { Published } from './published';

/**
 * A second, independent check that no suppressed cell of a 2-D table with margins can be worked
 * out. It shares no code with the simplex audit (linear-system.ts) and reads the suppression off
 * the published cells themselves, so callers can assert it just before publishing.
 *
 * Method. Negate the row totals and the column totals (not the grand total) of the augmented
 * (r+1) x (c+1) table: then every row and every column of it sums to zero. A change to the
 * suppressed cells that keeps every published equation true is then a circulation on the bipartite
 * graph rows x columns whose edges are the suppressed cells, and (network matrices being totally
 * unimodular) it decomposes into simple alternating cycles, each of which can be applied one unit
 * at a time. So a suppressed cell is NOT determined iff there is an alternating cycle through it
 * that moves it by one unit while every cell the cycle lowers stays >= 1 (a suppressed cell is
 * known to be >= 1 because zeros are published). That is a reachability question in a directed
 * residual graph.
 */
export function recoverableTableCells(
  truth: { values: number[][] },
  published: { values: Published[][]; rowTotals: Published[]; columnTotals: Published[]; grandTotal: Published },
): { row: number; column: number }[] {
  const r = truth.values.length;
  const c = r === 0 ? published.columnTotals.length : truth.values[0].length;
  const x: number[][] = truth.values.map((row) => [...row, row.reduce((s, v) => s + v, 0)]);
  const colSums = Array.from({ length: c + 1 }, (_, j) => x.reduce((s, row) => s + row[j], 0));
  x.push(colSums);
  const hidden: boolean[][] = [
    ...published.values.map((row, i) => [...row.map((v) => v === 'c'), published.rowTotals[i] === 'c']),
    [...published.columnTotals.map((v) => v === 'c'), published.grandTotal === 'c'],
  ];
  const sign = (i: number, j: number): 1 | -1 => ((i === r) !== (j === c) ? -1 : 1);
  // Nodes: row i -> i, column j -> r + 1 + j.
  const col = (j: number): number => r + 1 + j;
  const reachable = (from: number, to: number, skipI: number, skipJ: number): boolean => {
    const seen = new Set<number>([from]);
    const queue = [from];
    while (queue.length > 0) {
      const node = queue.shift()!;
      if (node === to) return true;
      const next: number[] = [];
      if (node <= r) {
        const i = node;
        // Arc row i -> column j: delta(i,j) = +1 in the signed table.
        for (let j = 0; j <= c; j++) {
          if (!hidden[i][j] || (i === skipI && j === skipJ)) continue;
          if (sign(i, j) === 1 || x[i][j] >= 2) next.push(col(j));
        }
      } else {
        const j = node - r - 1;
        // Arc column j -> row i: delta(i,j) = -1 in the signed table.
        for (let i = 0; i <= r; i++) {
          if (!hidden[i][j] || (i === skipI && j === skipJ)) continue;
          if (sign(i, j) === -1 || x[i][j] >= 2) next.push(i);
        }
      }
      for (const n of next) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    return false;
  };
  const out: { row: number; column: number }[] = [];
  for (let i = 0; i <= r; i++) {
    for (let j = 0; j <= c; j++) {
      if (!hidden[i][j]) continue;
      // Raising the true cell by one: delta = sign (row -> column arc, then back from column to row).
      const upward = sign(i, j) === 1 ? reachable(col(j), i, i, j) : reachable(i, col(j), i, j);
      const downward = x[i][j] >= 2 && (sign(i, j) === 1 ? reachable(i, col(j), i, j) : reachable(col(j), i, i, j));
      if (!upward && !downward) out.push({ row: i, column: j });
    }
  }
  return out;
}
