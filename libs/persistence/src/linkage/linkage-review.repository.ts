import type { PairDecision, ReviewPair } from '@mcm/incidence';
import { Queryable } from '../agencies/agency-register.repository';

export type LinkageReviewStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED';

/** What the child register needs of the review queue while it re-clusters a closed set. */
export interface ReviewQueue {
  /** Reviewers' decisions on pairs whose two records are both among `ids`. */
  decisionsAmong(db: Queryable, ids: number[]): Promise<PairDecision[]>;
  /**
   * Makes the pending pairs among `ids` exactly `review`: new pairs are queued, queued ones get
   * the latest probability and levels, pending pairs no longer in the review band are dropped.
   * Decided pairs are never touched.
   */
  replacePending(db: Queryable, ids: number[], review: ReviewPair[], linkerName: string): Promise<void>;
  /**
   * Agency child ids of the decisions reviewers recorded since the last batch, marked applied in
   * the same transaction: the register re-clusters them with the batch's own changes.
   */
  takeDecisionsToApply(db: Queryable): Promise<number[]>;
}

/** A review as reviewers see it: how two records compare, never what they contain nor which they are. */
export interface LinkageReviewRecord {
  id: number;
  status: LinkageReviewStatus;
  probability: number;
  modelId: string;
  comparisonLevels: { comparison: string; level: string; weight: number }[];
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  appliedAt: Date | null;
}

export type DecideOutcome = { decided: LinkageReviewRecord } | { missing: true } | { alreadyDecided: LinkageReviewStatus };

const modelIdOf = (linkerName: string) => linkerName.replace(/^probabilistic:/, '');

// Only these columns are ever read for reviewers: the table holds no names or identifiers, and
// the agency child ids it references are not served either.
const COLUMNS = 'id, status, probability, model_id, comparison_levels, created_at, decided_at, decided_by, applied_at';

interface Row {
  id: string;
  status: LinkageReviewStatus;
  probability: number;
  model_id: string;
  comparison_levels: LinkageReviewRecord['comparisonLevels'];
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  applied_at: Date | null;
}

/**
 * The `linkage_review` table, its one owner: pairs in the review band (queued by the
 * aggregator), reviewers' decisions (recorded through the API) and which decisions the
 * aggregator has applied. Stores agency child ids and comparison levels only.
 */
export class LinkageReviewRepository implements ReviewQueue {
  async decisionsAmong(db: Queryable, ids: number[]): Promise<PairDecision[]> {
    if (ids.length < 2) return [];
    const rows: { a: string; b: string; status: 'CONFIRMED' | 'REJECTED' }[] = await db.query(
      `SELECT agency_child_a AS a, agency_child_b AS b, status FROM linkage_review
        WHERE agency_child_a = ANY($1::bigint[]) AND agency_child_b = ANY($1::bigint[]) AND status <> 'PENDING'`,
      [ids],
    );
    return rows.map((r) => ({ a: Number(r.a), b: Number(r.b), decision: r.status }));
  }

  async replacePending(db: Queryable, ids: number[], review: ReviewPair[], linkerName: string): Promise<void> {
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

  async takeDecisionsToApply(db: Queryable, limit = 1000): Promise<number[]> {
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

  /** Reviews in a status, by id, after `after` (paging). */
  async list(db: Queryable, status: LinkageReviewStatus, limit: number, after = 0): Promise<LinkageReviewRecord[]> {
    const rows: Row[] = await db.query(`SELECT ${COLUMNS} FROM linkage_review WHERE status = $1 AND id > $2 ORDER BY id LIMIT $3`, [
      status,
      after,
      limit,
    ]);
    return rows.map(record);
  }

  /**
   * Records a reviewer's decision on a pending review (the aggregator applies it in its next
   * batch transaction). A review already decided is left as it is.
   */
  async decide(db: Queryable, id: number, status: 'CONFIRMED' | 'REJECTED', decidedBy: string): Promise<DecideOutcome> {
    const rows: Row[] = await db.query(
      // A CTE so that the statement is a SELECT: TypeORM returns [rows, count] for UPDATE ... RETURNING.
      `WITH decided AS (
         UPDATE linkage_review SET status = $2, decided_by = $3, decided_at = now(), applied_at = NULL
          WHERE id = $1 AND status = 'PENDING' RETURNING ${COLUMNS})
       SELECT * FROM decided`,
      [id, status, decidedBy],
    );
    if (rows.length) return { decided: record(rows[0]) };
    const existing: Row[] = await db.query(`SELECT ${COLUMNS} FROM linkage_review WHERE id = $1`, [id]);
    return existing.length === 0 ? { missing: true } : { alreadyDecided: existing[0].status };
  }
}

function record(r: Row): LinkageReviewRecord {
  return {
    id: Number(r.id),
    status: r.status,
    probability: r.probability,
    modelId: r.model_id,
    comparisonLevels: r.comparison_levels,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    appliedAt: r.applied_at,
  };
}
