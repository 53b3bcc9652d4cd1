import { perturb, PerturbationTable, PTABLE_V1 } from './ptable';

/** A cell as stored or queried: its true count and its cell key (sum of its records' keys mod 2^32). */
export interface KeyedCount {
  readonly value: number;
  readonly key: number;
}

/**
 * How a reader receives counts: `exact` (statisticians only) or `cell-key` (everyone else, at
 * every level, England included).
 */
export type DisclosureMode = 'exact' | 'cell-key';

/** What a response says about its figures (the `disclosure` object of the API's answers). */
export interface DisclosureStatement {
  readonly method: 'cell-key' | 'none';
  readonly ptable?: string;
  readonly note: string;
}

/** The one plain sentence naming the method, shown by the API and the dashboard. */
export const CELL_KEY_SENTENCE =
  "To protect children's privacy, every figure has had a small amount of random noise added (the cell-key method), " +
  'so no count from 1 to 4 is ever shown, the same figure is always shown the same way, and totals are counted on their own rather than added up from the rows.';

export const EXACT_SENTENCE = 'These are exact, unprotected figures for statisticians: they must not be published or shared as they are.';

/** The published value of one cell for a reader. */
export function publishCount(cell: KeyedCount, mode: DisclosureMode, table: PerturbationTable = PTABLE_V1): number {
  return mode === 'exact' ? cell.value : perturb(cell.value, cell.key, table);
}

/** Every cell of a row, each through its own key (never a sum of published cells). */
export function publishCells<K extends string>(
  cells: Readonly<Record<K, KeyedCount>>,
  mode: DisclosureMode,
  table: PerturbationTable = PTABLE_V1,
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of Object.keys(cells) as K[]) out[name] = publishCount(cells[name], mode, table);
  return out;
}

export function disclosureStatement(mode: DisclosureMode, table: PerturbationTable = PTABLE_V1): DisclosureStatement {
  return mode === 'exact' ? { method: 'none', note: EXACT_SENTENCE } : { method: 'cell-key', ptable: table.name, note: CELL_KEY_SENTENCE };
}
