import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IdentityRetention, retentionCutoff } from '@mcm/persistence/retention';
import { CronJob } from 'cron';
import { AggregatorEnv } from '../config/aggregator.env';

/**
 * Deletes children's identifying data once it has been kept RETENTION_MONTHS past their last
 * episode (daily, RETENTION_CRON). Safe with several instances and beside `npm run retention`:
 * each batch re-checks under the writer lock, and a purged child is never found again.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  private readonly log = new Logger(RetentionScheduler.name);
  private running = false;

  constructor(
    private readonly retention: IdentityRetention,
    private readonly registry: SchedulerRegistry,
    private readonly config: ConfigService<AggregatorEnv, true>,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: this.config.get('RETENTION_CRON', { infer: true }),
      timeZone: this.config.get('BULLETIN_TIME_ZONE', { infer: true }),
      onTick: () => void this.run(),
      start: true,
    });
    this.registry.addCronJob('identity-retention', job);
  }

  async run(now = new Date()): Promise<number | undefined> {
    if (this.running) return undefined;
    this.running = true;
    try {
      const months = this.config.get('RETENTION_MONTHS', { infer: true });
      const cutoff = retentionCutoff(now, months);
      let reported = 0;
      const outcome = await this.retention.run({
        cutoff,
        onProgress: (p) => {
          // A line per tenth of the register on long runs.
          if (p.of >= 20_000 && p.scanned * 10 >= (reported + 1) * p.of) {
            reported = Math.floor((p.scanned * 10) / p.of);
            this.log.log(`retention: ${p.scanned}/${p.of} national children examined, ${p.childrenPurged} agency children purged so far`);
          }
        },
      });
      this.log.log(
        `retention (${months} months, cutoff ${cutoff.toISOString()}): children_purged=${outcome.childrenPurged} in ${outcome.nationalChildren} national children`,
      );
      return outcome.childrenPurged;
    } catch (error) {
      this.log.error(`retention failed: ${(error as Error).message}`);
      return undefined;
    } finally {
      this.running = false;
    }
  }
}
