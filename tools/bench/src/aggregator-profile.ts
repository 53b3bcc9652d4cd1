import { createBatchAggregator } from '../../../apps/aggregator/src';
import { migrateDatabase, observeQueries, openDatabase } from '@mcm/persistence';
import { IdentityCipher, IdentityKeyring, normaliseEvent } from '@mcm/shared';
import { generateScenario } from '../../simulator/src';
import { ScratchDatabase } from '../../harness/src';
import { aggregatorProfileEnv } from './bench.env';

/** Runs the aggregator's core on simulated events without Kafka and prints where the time goes. */
async function main(): Promise<void> {
  const [children = '3000', batchSize = '2000'] = process.argv.slice(2);
  const env = aggregatorProfileEnv();
  const events = generateScenario({ seed: 5, children: Number(children), days: 365, now: new Date() })
    .events.filter((e) => e.event)
    .map((e) => normaliseEvent(e.event!));
  const db = await new ScratchDatabase().create();
  await migrateDatabase(db.url);
  const dataSource = await openDatabase(db.url);
  const aggregator = createBatchAggregator(dataSource, {
    linkKeySecret: 'profile-secret-0123456789',
    cipher: IdentityCipher.withKeyring(IdentityKeyring.generate()),
    disclosureKeySeed: 'profile-disclosure-seed-0123',
  });
  const byQuery = new Map<string, number>();
  if (env.PROFILE_QUERIES) {
    // Attributes time to each statement (by its first words); profiling only.
    observeQueries((sql, ms) => {
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
      byQuery.set(key, (byQuery.get(key) ?? 0) + ms);
    });
  }
  const started = Date.now();
  const totals: Record<string, number> = {};
  try {
    for (let i = 0; i < events.length; i += Number(batchSize)) {
      const result = await aggregator.apply(
        events.slice(i, i + Number(batchSize)).map((event, j) => ({ event, partition: 0, offset: String(i + j) })),
      );
      for (const [k, v] of Object.entries(result.stepMs)) totals[k] = (totals[k] ?? 0) + v;
    }
    const s = (Date.now() - started) / 1000;
    for (const [sql, ms] of [...byQuery].sort((a, b) => b[1] - a[1]).slice(0, 12)) process.stdout.write(`${Math.round(ms)} ms  ${sql}\n`);
    process.stdout.write(`${events.length} events in ${s.toFixed(1)} s = ${Math.round(events.length / s)}/s; ms by step ${JSON.stringify(totals)}\n`);
  } finally {
    await dataSource.destroy();
    if (env.KEEP_DB) process.stdout.write(`kept database ${db.url}\n`);
    else await db.drop();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
