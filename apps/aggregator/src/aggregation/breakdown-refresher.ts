import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { BatchAggregator } from './batch-aggregator';

/** Drains the weeks whose breakdowns the batches marked, every 2 seconds, one pass at a time. */
@Injectable()
export class BreakdownRefresher implements OnApplicationBootstrap {
  private readonly log = new Logger(BreakdownRefresher.name);
  private running = false;

  constructor(private readonly aggregator: BatchAggregator, private readonly registry: SchedulerRegistry) {}

  onApplicationBootstrap(): void {
    this.registry.addInterval('breakdown-refresh', setInterval(() => void this.tick(), 2000));
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.aggregator.refreshBreakdowns();
    } catch (error) {
      this.log.error(`breakdown refresh failed (the weeks stay marked): ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
