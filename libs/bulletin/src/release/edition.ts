import { ReleaseStatus } from '../bulletin.model';

/** What deciding the next edition needs of a week's latest one. */
export interface LatestEdition {
  revision: number;
  contentHash: string;
  releaseStatus: ReleaseStatus;
}

/** Keep the latest edition (nothing new to publish), or publish the next one with this number and status. */
export type EditionDecision = { publish: false } | { publish: true; revision: number; releaseStatus: ReleaseStatus };

/**
 * The next edition of a week's bulletin (docs/STATISTICS.md, "The bulletin"). Same content and
 * status as the latest edition: nothing new (idempotent). Otherwise the next number: provisional
 * while the week is not complete, final at the first build once it is (even with the content
 * unchanged: the final edition supersedes the provisional one), revised after that.
 */
export function nextEdition(latest: LatestEdition | undefined, contentHash: string, weekComplete: boolean): EditionDecision {
  const becomesFinal = latest?.releaseStatus === 'provisional' && weekComplete;
  if (latest?.contentHash === contentHash && !becomesFinal) return { publish: false };
  const releaseStatus: ReleaseStatus = latest && latest.releaseStatus !== 'provisional' ? 'revised' : weekComplete ? 'final' : 'provisional';
  return { publish: true, revision: latest ? latest.revision + 1 : 0, releaseStatus };
}
