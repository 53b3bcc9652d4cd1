/**
 * Disclosure rules. A count n is primary-suppressed when 1 <= n <= threshold (below national
 * level). Zero is published: in our convention a zero count is not disclosive (it says nobody,
 * not somebody identifiable), and publishing zeros keeps `c` meaning "at least 1".
 */
export interface DisclosureRules {
  /** Largest count that is suppressed; counts from 1 to threshold inclusive are shown as `c`. Default 4. */
  readonly threshold: number;
}

export const DEFAULT_RULES: DisclosureRules = Object.freeze({ threshold: 4 });

/** Whether a count is small enough to be suppressed in its own right (primary suppression). */
export function isPrimary(count: number, rules: DisclosureRules = DEFAULT_RULES): boolean {
  return count >= 1 && count <= rules.threshold;
}

export function assertRules(rules: DisclosureRules): void {
  if (!Number.isSafeInteger(rules.threshold) || rules.threshold < 0) {
    throw new RangeError(`Disclosure threshold must be a non-negative integer, got ${rules.threshold}`);
  }
}

export function assertCount(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${what} must be a non-negative integer count, got ${v}`);
}
