import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { BatchAggregator } from '../aggregation/batch-aggregator';
import { AggregatorEnv } from '../config/aggregator.env';

/**
 * Applies reviewers' confirm/reject decisions within seconds even when no events arrive (each
 * batch applies them too). Only with the probabilistic linker: no other linker queues reviews.
 */
@Injectable()
export class ReviewDecisionsPoller implements OnApplicationBootstrap {
  private readonly log = new Logger(ReviewDecisionsPoller.name);
  private running = false;

  constructor(
    private readonly aggregator: BatchAggregator,
    private readonly registry: SchedulerRegistry,
    private readonly config: ConfigService<AggregatorEnv, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('LINKER', { infer: true }) !== 'probabilistic') return;
    const every = this.config.get('REVIEW_DECISIONS_INTERVAL_SECONDS', { infer: true }) * 1000;
    this.registry.addInterval(
      'linkage-review-decisions',
      setInterval(() => void this.tick(), every),
    );
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { nationalChildrenTouched } = await this.aggregator.applyPendingDecisions();
      if (nationalChildrenTouched) this.log.log(`applied review decisions: ${nationalChildrenTouched} national children re-clustered`);
    } catch (error) {
      this.log.error(`applying review decisions failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
