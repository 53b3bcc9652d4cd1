import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Database, InjectDataSource, LinkageReviewRecord, LinkageReviewRepository } from '@mcm/persistence';
import { LinkageReviewList, LinkageReviewView, ReviewDecision, ReviewStatus } from './linkage-review.dto';

/**
 * The linkage review queue. A decision is recorded here; the aggregator applies it in its next
 * batch transaction (re-clusters the pair's records with the decision honoured, then updates
 * national episodes and the weekly figures), so there is one writer of the figures. The table's
 * SQL is LinkageReviewRepository's (libs/persistence), shared with the aggregator.
 */
@Injectable()
export class LinkageReviewService {
  private readonly reviews = new LinkageReviewRepository();

  constructor(@InjectDataSource() private readonly db: Database) {}

  async list(status: ReviewStatus, limit: number, after = 0): Promise<LinkageReviewList> {
    return { reviews: (await this.reviews.list(this.db, status, limit, after)).map(view) };
  }

  async decide(id: number, decision: ReviewDecision, decidedBy: string): Promise<LinkageReviewView> {
    const outcome = await this.reviews.decide(this.db, id, decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED', decidedBy);
    if ('decided' in outcome) return view(outcome.decided);
    if ('missing' in outcome) throw new NotFoundException(`no linkage review ${id}`);
    throw new ConflictException(`linkage review ${id} was already decided (${outcome.alreadyDecided})`);
  }
}

function view(r: LinkageReviewRecord): LinkageReviewView {
  return {
    id: r.id,
    status: r.status,
    probability: r.probability,
    modelId: r.modelId,
    comparisonLevels: r.comparisonLevels.map(({ comparison, level, weight }) => ({ comparison, level, weight })),
    createdAt: new Date(r.createdAt).toISOString(),
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    decidedBy: r.decidedBy,
    applied: r.appliedAt !== null,
  };
}
