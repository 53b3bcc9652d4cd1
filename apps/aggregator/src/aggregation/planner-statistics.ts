import { Logger } from '@nestjs/common';
import { analyzePipelineTables, Database, PersistenceError } from '@mcm/persistence';

/**
 * Keeps the planner's statistics current while tables grow fast (a new deployment or a replay):
 * with stale ones the set-based recomputations get nested-loop plans that cost seconds. ANALYZE
 * samples, so it stays cheap; it runs once the tables may have grown by half, beside the next
 * batch.
 */
export class PlannerStatistics {
  private readonly log = new Logger(PlannerStatistics.name);
  private eventsSinceAnalyze = 0;
  private eventsAtAnalyze = 0;
  private analyzing?: Promise<void>;

  constructor(private readonly database: Database) {}

  afterBatch(newEvents: number): void {
    this.eventsSinceAnalyze += newEvents;
    if (this.analyzing || this.eventsSinceAnalyze < Math.max(10_000, this.eventsAtAnalyze / 2)) return;
    this.eventsAtAnalyze += this.eventsSinceAnalyze;
    this.eventsSinceAnalyze = 0;
    this.analyzing = analyzePipelineTables(this.database)
      .catch((error: Error) => this.log.warn(`ANALYZE failed (the next one will run later): ${PersistenceError.from(error).message}`))
      .finally(() => (this.analyzing = undefined));
  }
}
