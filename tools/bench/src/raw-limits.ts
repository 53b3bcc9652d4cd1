import { ChildAttributes, IdentityCipher, IdentityKeyring } from '@mcm/shared';
import { randomBytes } from 'node:crypto';
import { Kafka } from '@mcm/kafka';
import { Client } from 'pg';

/** A consume-only kafkajs pass over the topics (over the same mutual TLS): the ceiling for any consumer of ours. */
export async function rawConsumeRate(kafka: Kafka, topics: string[], expected: number): Promise<number> {
  const consumer = kafka.consumer({
    groupId: `bench-raw-${randomBytes(4).toString('hex')}`,
    maxBytesPerPartition: 4 * 1024 * 1024,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  let seen = 0;
  let started = 0;
  const elapsed = await new Promise<number>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        partitionsConsumedConcurrently: 64,
        eachBatch: async ({ batch }) => {
          if (started === 0) started = Date.now();
          seen += batch.messages.length;
          if (seen >= expected) resolve(Date.now() - started);
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return (expected / Math.max(elapsed, 1)) * 1000;
}

/** A set-based bulk insert of the same rows into a plain table: the ceiling for our writes. */
export async function rawInsertRate(databaseUrl: string, rows: object[], batchSize = 5000): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_raw_event (event_id uuid PRIMARY KEY, body jsonb NOT NULL)');
    const started = Date.now();
    for (let i = 0; i < rows.length; i += batchSize) {
      const slice = rows.slice(i, i + batchSize);
      await client.query(`INSERT INTO bench_raw_event (event_id, body) SELECT (r->>'eventId')::uuid, r FROM jsonb_array_elements($1::jsonb) AS r`, [
        JSON.stringify(slice),
      ]);
    }
    return (rows.length / Math.max(Date.now() - started, 1)) * 1000;
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_raw_event');
    await client.end();
  }
}

/**
 * Identities sealed and opened per second on one core, with the work each accepted event costs:
 * sealed onto the accepted topic and opened by the aggregator, sealed into its observation row
 * and opened again when its child's profile is settled (AES-256-GCM, node:crypto).
 */
export function rawSealRate(children: ChildAttributes[]): number {
  const cipher = IdentityCipher.withKeyring(IdentityKeyring.generate('bench'));
  const started = performance.now();
  for (const [i, child] of children.entries()) {
    for (const context of [`accepted-event:${i}`, `child_identity_observation:${i}`]) {
      cipher.openJson(cipher.sealJson(child, context), context);
    }
  }
  return (children.length / Math.max(performance.now() - started, 1)) * 1000;
}
