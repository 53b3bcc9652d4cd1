import { randomBytes } from 'node:crypto';
import {
  ADMIN_PRINCIPAL,
  ConsumedBatch,
  createKafka,
  deleteTopics,
  ensureTopics,
  KafkaBatchTransport,
  KafkaPublisher,
  kafkaSettingsFromEnv,
} from '@mcm/kafka';
import { harnessEnv, waitFor } from '../tools/harness/src';

/**
 * The batch transport fetches ahead of its handler. These check, on the real broker, what that
 * must never cost: every message is handled, in offset order per partition without gaps, offsets
 * are committed only for what a handler finished, and a failed handler call is delivered again.
 */
describe('Kafka batch transport (real broker)', () => {
  const id = randomBytes(4).toString('hex');
  const topic = `transport-${id}.events`;
  const groupId = `transport-${id}`;
  const settings = kafkaSettingsFromEnv(groupId, ADMIN_PRINCIPAL, harnessEnv());
  const kafka = createKafka(settings);
  const messages = 3000;
  let transport: KafkaBatchTransport;

  beforeAll(async () => {
    await ensureTopics(kafka, [{ topic, numPartitions: 3 }]);
    const publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    // In many small sends: a fetch returns whole record batches, and the test needs many fetches.
    for (let from = 0; from < messages; from += 30) {
      await publisher.publish(Array.from({ length: 30 }, (_, j) => ({ topic, key: `k-${(from + j) % 97}`, value: Buffer.from(String(from + j)) })));
    }
    await publisher.disconnect();
  });
  afterAll(async () => {
    await transport?.close();
    await deleteTopics(kafka, [topic]);
  });

  it('hands every message over in order, commits only what succeeded, and redelivers a failed call', async () => {
    const handled = new Map<number, string[]>();
    const failedCalls: ConsumedBatch[] = [];
    let calls = 0;
    transport = new KafkaBatchTransport({
      kafka: settings,
      groupId,
      decode: (value) => Number(value!.toString()),
      // Small, so that there are many fetches, the queue fills, the fetcher waits and hand-overs are split.
      maxBytesPerPartition: 4096,
      prefetchMessages: 400,
      maxHandOverMessages: 300,
      maxWaitTimeInMs: 50,
    });
    transport.addHandler(
      topic,
      async (batch: ConsumedBatch) => {
        calls += 1;
        if (calls === 2 || calls === 9) {
          failedCalls.push(batch);
          throw new Error('simulated database outage');
        }
        for (const m of batch.messages) {
          expect(m.decoded).toBe(Number(m.value!.toString()));
          (handled.get(m.partition) ?? handled.set(m.partition, []).get(m.partition)!).push(m.offset);
        }
      },
      true,
    );
    await new Promise<void>((resolve, reject) => transport.listen((error) => (error ? reject(error) : resolve())));

    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
      await waitFor(
        'every offset committed',
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          return committed.partitions.every((p) => p.offset === ends.get(p.partition));
        },
        60_000,
      );
      expect(failedCalls).toHaveLength(2);
      for (const [partition, offsets] of handled) {
        // A redelivery repeats offsets already handled (handlers are idempotent); none is skipped.
        const distinct = [...new Set(offsets.map(Number))];
        expect(distinct).toEqual(Array.from({ length: Number(ends.get(partition)) }, (_, i) => i));
        for (let i = 1; i < offsets.length; i += 1) {
          if (Number(offsets[i]) !== Number(offsets[i - 1]) + 1) expect(Number(offsets[i])).toBeLessThanOrEqual(Number(offsets[i - 1]));
        }
      }
      const delivered = [...handled.values()].reduce((n, list) => n + new Set(list).size, 0);
      expect(delivered).toBe(messages);
      // What the failed calls carried was handed over again afterwards.
      for (const m of failedCalls.flatMap((b) => b.messages)) expect(handled.get(m.partition)).toContain(m.offset);
    } finally {
      await admin.disconnect();
    }
  });
});
