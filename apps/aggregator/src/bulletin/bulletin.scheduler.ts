import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { BulletinEnv } from './bulletin.env';
import { BulletinService } from './bulletin.service';

/**
 * Runs the weekly bulletin (default Monday 07:00 London time) and, at start-up, catches up every
 * week missed while the system was down; every BULLETIN_RECHECK_MINUTES it re-checks provisional
 * bulletins (rebuilt when their data arrives, made final once the week is complete). Safe with
 * several instances: builds are serialised by an advisory lock and a week whose data and status
 * have not changed is not published again.
 */
@Injectable()
export class BulletinScheduler implements OnApplicationBootstrap {
  private readonly log = new Logger(BulletinScheduler.name);

  constructor(
    private readonly bulletins: BulletinService,
    private readonly registry: SchedulerRegistry,
    private readonly config: ConfigService<BulletinEnv, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('BULLETIN_ENABLED', { infer: true })) return;
    const job = CronJob.from({
      cronTime: this.config.get('BULLETIN_CRON', { infer: true }),
      timeZone: this.config.get('BULLETIN_TIME_ZONE', { infer: true }),
      onTick: () => void this.run('schedule'),
      start: true,
    });
    this.registry.addCronJob('weekly-bulletin', job);
    const recheck = setInterval(() => void this.run('re-check'), this.config.get('BULLETIN_RECHECK_MINUTES', { infer: true }) * 60_000);
    recheck.unref();
    this.registry.addInterval('bulletin-recheck', recheck);
    void this.run('start-up catch-up');
  }

  private running = false;

  async run(trigger: string): Promise<void> {
    // A pass still running (a long catch-up) is not overlapped by the next tick.
    if (this.running) return;
    this.running = true;
    try {
      for (const outcome of await this.bulletins.catchUp()) {
        this.log.log(
          `${trigger}: bulletin ${outcome.week} revision ${outcome.revision} (${outcome.releaseStatus}) ${outcome.created ? 'published' : 'unchanged'}`,
        );
      }
    } catch (error) {
      this.log.error(`${trigger}: bulletin failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
