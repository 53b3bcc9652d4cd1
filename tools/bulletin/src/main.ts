import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKafka, KafkaPublisher, kafkaSettingsFromEnv, servicePrincipal } from '@mcm/kafka';
import { assertSchemaCurrent, BulletinRepository, DataSource, dataSourceOptions, defaultServiceDatabaseUrl } from '@mcm/persistence';
import { envValidator, weekStartOfLabel } from '@mcm/shared';
import { BulletinEnv } from '../../../apps/aggregator/src/bulletin/bulletin.env';
import { bulletinSettings } from '../../../apps/aggregator/src/bulletin/bulletin.module';
import { BulletinService } from '../../../apps/aggregator/src';

const USAGE = 'usage: npm run bulletin -- --week 2026-W47 [--out DIR]';

/**
 * `npm run bulletin -- --week 2026-W47`: builds one week's bulletin on demand and says where it
 * went: a provisional edition while the week is not complete, the final one once it is, a revised
 * one for a week already final whose content changed (docs/STATISTICS.md, "The bulletin").
 */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const week = arg('week');
  const weekStart = week ? weekStartOfLabel(week) : null;
  if (!weekStart) throw new UsageError(week ? `${week} is not an ISO week (like 2026-W47)` : 'missing --week');
  const env = envValidator(BulletinEnv)(process.env);
  // The bulletin job's own identity: the aggregator's, which alone may write the bulletins topic
  // and the bulletin table (its DATABASE_URL; default mcm_aggregator on the local database).
  const databaseUrl = env.DATABASE_URL || defaultServiceDatabaseUrl('aggregator');
  const kafka = createKafka(kafkaSettingsFromEnv('mcm-bulletin-cli', servicePrincipal('aggregator', env.KAFKA_TOPIC_PREFIX), env));
  const publisher = new KafkaPublisher(kafka);
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  await publisher.connect();
  try {
    await assertSchemaCurrent(dataSource);
    const settings = bulletinSettings({ get: ((key: keyof BulletinEnv) => env[key]) as never });
    const outcome = await new BulletinService(dataSource, publisher, settings).build(weekStart);
    const where = new URL(databaseUrl);
    process.stdout.write(
      `bulletin ${outcome.week} revision ${outcome.revision} (${outcome.releaseStatus}) ${outcome.created ? 'built' : 'unchanged since its last build'}\n` +
        (outcome.releaseStatus === 'provisional'
          ? '  provisional: not every active agency has reported past the week yet; the job publishes the final edition once they have\n'
          : '') +
        `  stored:    PostgreSQL ${where.host}${where.pathname}, table bulletin (week_start ${weekStart}, revision ${outcome.revision})\n` +
        (outcome.topic
          ? `  published: Kafka topic ${outcome.topic.name}, partition ${outcome.topic.partition}, offset ${outcome.topic.offset}\n`
          : '') +
        `  served:    http://127.0.0.1:${process.env.API_PORT ?? 3000}/v1/bulletins/${outcome.week}{.json,.csv,.html}\n`,
    );
    const out = arg('out');
    if (out) {
      const row = await new BulletinRepository().formats(dataSource, weekStart, outcome.revision);
      if (!row) throw new Error(`bulletin ${outcome.week} revision ${outcome.revision} is not in the database`);
      mkdirSync(out, { recursive: true });
      const base = join(resolve(out), `${outcome.week}-r${outcome.revision}`);
      writeFileSync(`${base}.json`, JSON.stringify(row.content, null, 2));
      writeFileSync(`${base}.csv`, row.csv);
      writeFileSync(`${base}.meta.csv`, row.metaCsv);
      writeFileSync(`${base}.html`, row.html);
      process.stdout.write(`  files:     ${base}.{json,csv,meta.csv,html}\n`);
    }
  } finally {
    await publisher.disconnect();
    await dataSource.destroy();
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
