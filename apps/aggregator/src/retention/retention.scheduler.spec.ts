import { IdentityRetention, RetentionRunOptions } from '@mcm/persistence/retention';
import { RetentionScheduler } from './retention.scheduler';

describe('RetentionScheduler', () => {
  const config = { get: (key: string) => ({ RETENTION_MONTHS: 24, RETENTION_CRON: '30 3 * * *', BULLETIN_TIME_ZONE: 'Europe/London' })[key] };

  it('purges as of RETENTION_MONTHS before now, and never runs twice at once', async () => {
    const calls: RetentionRunOptions[] = [];
    let finish: () => void = () => undefined;
    const retention = {
      run: (options: RetentionRunOptions) => {
        calls.push(options);
        return new Promise((resolve) => {
          finish = () => resolve({ childrenPurged: 3, nationalChildren: 2, rows: {} });
        });
      },
    };
    const scheduler = new RetentionScheduler(retention as unknown as IdentityRetention, {} as never, config as never);
    const first = scheduler.run(new Date('2026-11-16T03:30:00Z'));
    expect(await scheduler.run(new Date('2026-11-16T03:31:00Z'))).toBeUndefined();
    finish();
    expect(await first).toBe(3);
    expect(calls.map((c) => [c.cutoff.toISOString(), c.dryRun])).toEqual([['2024-11-16T03:30:00.000Z', undefined]]);
  });

  it('reports a failure without throwing (the next day runs again)', async () => {
    const retention = { run: () => Promise.reject(new Error('connection refused')) };
    const scheduler = new RetentionScheduler(retention as unknown as IdentityRetention, {} as never, config as never);
    expect(await scheduler.run(new Date())).toBeUndefined();
  });
});
