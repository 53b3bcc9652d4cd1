import { RecordStore } from '../store';

/**
 * One attribute comparison with ordered agreement levels, best first. `compare` returns the
 * level index, or -1 when either record lacks the value (a missing value carries no weight).
 */
export interface Comparison {
  readonly name: string;
  readonly levels: readonly string[];
  compare(store: RecordStore, a: number, b: number): number;
  /** Whether the record has the value(s) this comparison needs. */
  present(store: RecordStore, a: number): boolean;
  /**
   * Term-frequency adjustment: when the pair agrees exactly (level 0) on a value, the store
   * field and the value code whose frequency applies, or -1 (no adjustment for this pair).
   */
  readonly tfField?: number;
  tfValue?(store: RecordStore, a: number, b: number): number;
}

export const MISSING = -1;
