/**
 * Three decisions on a scored pair (match probability p):
 *  - link      p >= link      (0.8 by default): the records are treated as the same child;
 *  - review    review <= p < link (0.5): plausible, queued for a person to decide;
 *  - non_link  p < review.
 * Clustering additionally requires the average match probability between two groups of
 * records to reach `clusterAverage` before they merge (see clustering.ts).
 */
export interface DecisionThresholds {
  link: number;
  review: number;
  clusterAverage: number;
}

export const DEFAULT_THRESHOLDS: Readonly<DecisionThresholds> = Object.freeze({ link: 0.8, review: 0.5, clusterAverage: 0.3 });

export type LinkDecision = 'link' | 'review' | 'non_link';

export function decide(probability: number, thresholds: DecisionThresholds = DEFAULT_THRESHOLDS): LinkDecision {
  if (probability >= thresholds.link) return 'link';
  if (probability >= thresholds.review) return 'review';
  return 'non_link';
}
