import { PairDecision, ReviewPair } from '@mcm/incidence';
import { EntityManager } from 'typeorm';

/** What the child register needs of the review queue while it re-clusters a closed set. */
export interface ReviewQueue {
  /** Reviewers' decisions on pairs whose two records are both among `ids`. */
  decisionsAmong(db: EntityManager, ids: number[]): Promise<PairDecision[]>;
  /**
   * Makes the pending pairs among `ids` exactly `review`: new pairs are queued, queued ones get
   * the latest probability and levels, pending pairs no longer in the review band are dropped.
   * Decided pairs are never touched.
   */
  replacePending(db: EntityManager, ids: number[], review: ReviewPair[], linkerName: string): Promise<void>;
  /**
   * Agency child ids of the decisions reviewers recorded since the last batch, marked applied in
   * the same transaction: the register re-clusters them with the batch's own changes.
   */
  takeDecisionsToApply(db: EntityManager): Promise<number[]>;
}

const modelIdOf = (linkerName: string) => linkerName.replace(/^probabilistic:/, '');

/**
 * The `linkage_review` table, as the aggregator uses it: pairs in the review band, reviewers'
 * decisions (written by the API), and which decisions have been applied. Stores agency child
 * ids and comparison levels only.
 */
export class LinkageReviewRepository implements ReviewQueue {
  async decisionsAmong(db: EntityManager, ids: number[]): Promise<PairDecision[]> {
    if (ids.length < 2) return [];
    const rows: { a: string; b: string; status: 'CONFIRMED' | 'REJECTED' }[] = await db.query(
      `SELECT agency_child_a AS a, agency_child_b AS b, status FROM linkage_review
        WHERE agency_child_a = ANY($1::bigint[]) AND agency_child_b = ANY($1::bigint[]) AND status <> 'PENDING'`,
      [ids],
    );
    return rows.map((r) => ({ a: Number(r.a), b: Number(r.b), decision: r.status }));
  }

  async replacePending(db: EntityManager, ids: number[], review: ReviewPair[], linkerName: string): Promise<void> {
    if (ids.length < 2) return;
    const a = review.map((r) => Math.min(r.a, r.b));
    const b = review.map((r) => Math.max(r.a, r.b));
    await db.query(
      `DELETE FROM linkage_review r WHERE r.status = 'PENDING'
          AND r.agency_child_a = ANY($1::bigint[]) AND r.agency_child_b = ANY($1::bigint[])
          AND NOT EXISTS (SELECT 1 FROM unnest($2::bigint[], $3::bigint[]) AS t(a, b) WHERE t.a = r.agency_child_a AND t.b = r.agency_child_b)`,
      [ids, a, b],
    );
    if (review.length === 0) return;
    await db.query(
      `INSERT INTO linkage_review AS r (agency_child_a, agency_child_b, probability, comparison_levels, model_id)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::float8[], $4::jsonb[], $5::text[]) ORDER BY 1, 2
       ON CONFLICT (agency_child_a, agency_child_b) DO UPDATE SET
         probability = excluded.probability, comparison_levels = excluded.comparison_levels, model_id = excluded.model_id
       WHERE r.status = 'PENDING'`,
      [a, b, review.map((r) => r.probability), review.map((r) => JSON.stringify(r.comparisonLevels)), review.map(() => modelIdOf(linkerName))],
    );
  }

  async takeDecisionsToApply(db: EntityManager, limit = 1000): Promise<number[]> {
    const rows: { a: string; b: string }[] = await db.query(
      // A CTE so that the statement is a SELECT: TypeORM returns [rows, count] for UPDATE ... RETURNING.
      `WITH taken AS (
         UPDATE linkage_review SET applied_at = now()
          WHERE id IN (SELECT id FROM linkage_review WHERE status <> 'PENDING' AND applied_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE)
          RETURNING agency_child_a AS a, agency_child_b AS b)
       SELECT a, b FROM taken`,
      [limit],
    );
    return [...new Set(rows.flatMap((r) => [Number(r.a), Number(r.b)]))];
  }
}
