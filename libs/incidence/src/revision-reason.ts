import { EventKind } from '@mcm/shared';

/** The reason stated for revisions a linkage reviewer's decision makes. */
export const REVIEW_DECISION_REASON = 'linkage review decision';

/**
 * Why a batch changed figures already published (the bulletin states it beside each revision): a
 * merge or split of national children first, then the strongest kind of event the batch held.
 */
export function revisionReason(kinds: Iterable<EventKind>, mergedOrSplit: boolean): string {
  if (mergedOrSplit) return 'linkage merge or split';
  const present = new Set(kinds);
  if (present.has('REPORT_WITHDRAWN')) return 'withdrawal';
  if (present.has('EPISODE_CORRECTED')) return 'correction';
  return 'late event';
}
