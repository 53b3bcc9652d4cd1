import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { BatchAggregator } from './batch-aggregator';

/**
 * Drains the weeks whose breakdowns the batches marked: when the stream pauses (no batch for a
 * second and a half), and at least every 30 seconds under continuous load, so that a backlog is
 * not slowed down by recomputing weeks its next batches will mark again.
 */
@Injectable()
export class BreakdownRefresher implements OnApplicationBootstrap {
  private readonly log = new Logger(BreakdownRefresher.name);
  private running = false;
  private lastRun = 0;

  constructor(
    private readonly aggregator: BatchAggregator,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.addInterval(
      'breakdown-refresh',
      setInterval(() => void this.tick(), 2000),
    );
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    const idle = now - this.aggregator.lastBatchAt > 1500;
    if (this.running || (!idle && now - this.lastRun < 30_000)) return;
    this.running = true;
    this.lastRun = now;
    try {
      await this.aggregator.refreshBreakdowns();
    } catch (error) {
      this.log.error(`breakdown refresh failed (the weeks stay marked): ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
