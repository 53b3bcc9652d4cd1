import 'reflect-metadata';
import { assertSchemaCurrent, DataSource, dataSourceOptions, defaultServiceDatabaseUrl } from '@mcm/persistence';
import { IdentityRetention, retentionCutoff } from '@mcm/persistence/retention';
import { envValidator } from '@mcm/shared';
import { RetentionCliEnv } from '../../../apps/aggregator/src/retention/retention.env';
import { parseRetentionArgs, RetentionUsageError } from './retention-args';

const USAGE = 'usage: npm run retention -- [--now 2026-11-16T03:00:00Z] [--dry-run]';

/**
 * `npm run retention`: deletes the identifying data of children dormant for RETENTION_MONTHS (what
 * the aggregator's daily job does), now or as of `--now`; `--dry-run` counts and changes nothing.
 * Progress goes to standard error; the last line of standard output is `RETENTION children_purged=<n>`.
 */
async function main(argv: string[]): Promise<void> {
  const args = parseRetentionArgs(argv);
  const env = envValidator(RetentionCliEnv)(process.env);
  const cutoff = retentionCutoff(args.now, env.RETENTION_MONTHS);
  // The aggregator's job, so the aggregator's role (its DATABASE_URL; default mcm_aggregator locally).
  const databaseUrl = env.DATABASE_URL || defaultServiceDatabaseUrl('aggregator');
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 2, application_name: 'mcm-retention' } })).initialize();
  try {
    await assertSchemaCurrent(dataSource);
    process.stderr.write(
      `retention: ${env.RETENTION_MONTHS} months, cutoff ${cutoff.toISOString()}${args.dryRun ? ' (dry run: nothing is changed)' : ''}\n`,
    );
    let reported = 0;
    const outcome = await new IdentityRetention(dataSource).run({
      cutoff,
      dryRun: args.dryRun,
      onProgress: ({ scanned, of, childrenPurged }) => {
        if (scanned * 10 >= (reported + 1) * of || scanned === of) {
          reported = Math.floor((scanned * 10) / of);
          process.stderr.write(
            `retention: ${scanned}/${of} national children examined, ${childrenPurged} agency children ${args.dryRun ? 'eligible' : 'purged'}\n`,
          );
        }
      },
    });
    const { rows } = outcome;
    if (!args.dryRun) {
      process.stdout.write(
        `deleted ${rows.observations} identity statements, ${rows.profiles} profiles, ${rows.linkKeys} linkage keys, ${rows.reviews} review pairs; ` +
          `replaced the agency references of ${rows.episodes} episodes and ${rows.events} events (${outcome.nationalChildren} national children)\n`,
      );
    } else {
      process.stdout.write(`dry run: ${outcome.childrenPurged} agency children in ${outcome.nationalChildren} national children would be purged\n`);
    }
    process.stdout.write(`RETENTION children_purged=${outcome.childrenPurged}\n`);
  } finally {
    await dataSource.destroy();
  }
}

const exitAfterFlush = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(
  () => exitAfterFlush(0),
  (error: Error) => {
    process.stderr.write(`retention: ${error.message}\n${error instanceof RetentionUsageError ? `${USAGE}\n` : ''}`);
    exitAfterFlush(error instanceof RetentionUsageError ? 2 : 1);
  },
);
