/**
 * A published cell: the count itself, or a DfE / GSS symbol in its place.
 * - `c` confidential: suppressed by disclosure control;
 * - `x` unavailable (not collected, or not yet available);
 * - `z` not applicable.
 */
export type Published = number | 'c' | 'x' | 'z';

export const SUPPRESSED = 'c' as const;
export const UNAVAILABLE = 'x' as const;
export const NOT_APPLICABLE = 'z' as const;

/** The text of a published cell in CSV (and API values, which are strings so symbols can stand in them). */
export function formatPublished(v: Published): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`Cannot publish ${v}`);
    return String(v);
  }
  if (v === 'c' || v === 'x' || v === 'z') return v;
  throw new RangeError(`Unknown symbol ${String(v)}`);
}

/** Whether a geographic level is national (England): its figures are published in full. */
export function isNationalLevel(level: string): boolean {
  const l = level.trim().toLowerCase();
  return l === 'national' || l === 'nat';
}
