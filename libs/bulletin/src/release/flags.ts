import { WeekCompleteness } from './release-rule';

/**
 * GSS revision markers on a published figure (docs/STATISTICS.md, outputs conventions):
 * `p` provisional (its week is not complete, or is still in progress), `r` revised (its week is
 * complete and the figure shown now differs from the one first published once it was), `x` not
 * available (beyond the data: no value is shown). Null: none of these.
 */
export type CellFlag = 'p' | 'r' | 'x' | null;

export interface FlagInputs {
  completeness: WeekCompleteness;
  /** The figure shown now; null when not available. */
  value: number | null;
  /** The figure first published for the cell once its week was complete, in the same mode; null if never. */
  firstFinal: number | null;
}

export function cellFlag({ completeness, value, firstFinal }: FlagInputs): CellFlag {
  if (value === null) return 'x';
  if (completeness !== 'complete') return 'p';
  return firstFinal !== null && firstFinal !== value ? 'r' : null;
}

/** One marker for a row of figures (CSV `revision_status`): p before r, blank for neither. */
export function rowFlag(flags: readonly CellFlag[]): '' | 'p' | 'r' {
  if (flags.includes('p')) return 'p';
  return flags.includes('r') ? 'r' : '';
}
