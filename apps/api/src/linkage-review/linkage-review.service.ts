import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LinkageReviewList, LinkageReviewView, ReviewDecision, ReviewStatus } from './linkage-review.dto';

interface Row {
  id: string;
  status: ReviewStatus;
  probability: number;
  model_id: string;
  comparison_levels: LinkageReviewView['comparisonLevels'];
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  applied_at: Date | null;
}

// Only these columns are ever read: the table holds no names or identifiers, and the agency
// child ids it references are not served either.
const COLUMNS = 'id, status, probability, model_id, comparison_levels, created_at, decided_at, decided_by, applied_at';

/**
 * The linkage review queue. A decision is recorded here; the aggregator applies it in its next
 * batch transaction (re-clusters the pair's records with the decision honoured, then updates
 * national episodes and the weekly figures), so there is one writer of the figures.
 */
@Injectable()
export class LinkageReviewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(status: ReviewStatus, limit: number, after = 0): Promise<LinkageReviewList> {
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM linkage_review WHERE status = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [status, after, limit],
    );
    return { reviews: rows.map(view) };
  }

  async decide(id: number, decision: ReviewDecision, decidedBy: string): Promise<LinkageReviewView> {
    const rows: Row[] = await this.db.query(
      // A CTE so that the statement is a SELECT: TypeORM returns [rows, count] for UPDATE ... RETURNING.
      `WITH decided AS (
         UPDATE linkage_review SET status = $2, decided_by = $3, decided_at = now(), applied_at = NULL
          WHERE id = $1 AND status = 'PENDING' RETURNING ${COLUMNS})
       SELECT * FROM decided`,
      [id, decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED', decidedBy],
    );
    if (rows.length) return view(rows[0]);
    const existing: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM linkage_review WHERE id = $1`, [id]);
    if (existing.length === 0) throw new NotFoundException(`no linkage review ${id}`);
    throw new ConflictException(`linkage review ${id} was already decided (${existing[0].status})`);
  }
}

function view(r: Row): LinkageReviewView {
  return {
    id: Number(r.id),
    status: r.status,
    probability: r.probability,
    modelId: r.model_id,
    comparisonLevels: r.comparison_levels.map(({ comparison, level, weight }) => ({ comparison, level, weight })),
    createdAt: new Date(r.created_at).toISOString(),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decidedBy: r.decided_by,
    applied: r.applied_at !== null,
  };
}
