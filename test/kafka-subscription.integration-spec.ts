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
 * Ingest's way of following agencies: the transport lists its topics again and again, and a topic
 * that appears (an agency onboarded) joins the subscription even while a backlog keeps the
 * handler busy, with nothing lost or handled out of order.
 */
describe('Kafka batch transport subscription to a growing set of topics (real broker)', () => {
  const id = randomBytes(4).toString('hex');
  const prefix = `subscription-${id}.`;
  const [first, second] = [`${prefix}a`, `${prefix}b`];
  const settings = kafkaSettingsFromEnv(`subscription-${id}`, ADMIN_PRINCIPAL, harnessEnv());
  const kafka = createKafka(settings);
  let transport: KafkaBatchTransport;

  afterAll(async () => {
    await transport?.close();
    await deleteTopics(kafka, [first, second]);
  });

  const publish = async (topic: string, count: number) => {
    const publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    for (let from = 0; from < count; from += 50) {
      await publisher.publish(
        Array.from({ length: Math.min(50, count - from) }, (_, j) => ({ topic, key: 'k', value: Buffer.from(String(from + j)) })),
      );
    }
    await publisher.disconnect();
  };

  it('takes in a new topic during a backlog, and hands every message over once, in order', async () => {
    await ensureTopics(kafka, [{ topic: first, numPartitions: 1 }]);
    await publish(first, 2000);
    const handled: { topic: string; value: number }[] = [];
    transport = new KafkaBatchTransport({
      kafka: settings,
      groupId: `subscription-${id}`,
      subscription: {
        topics: async (admin) => (await admin.listTopics()).filter((t) => t.startsWith(prefix)),
        handlerPattern: () => 'all',
        resubscribeEveryMs: 200,
      },
      maxBytesPerPartition: 4096,
      prefetchMessages: 200,
      maxHandOverMessages: 50,
      maxWaitTimeInMs: 100,
    });
    let secondCreated = false;
    transport.addHandler(
      'all',
      async (batch: ConsumedBatch) => {
        for (const m of batch.messages) handled.push({ topic: m.topic, value: Number(m.value!.toString()) });
        if (!secondCreated) {
          secondCreated = true;
          await ensureTopics(kafka, [{ topic: second, numPartitions: 1 }]);
          await publish(second, 100);
        }
        // A slow handler: the backlog of the first topic outlasts many looks at the topic list.
        await new Promise((resolve) => setTimeout(resolve, 25));
      },
      true,
    );
    await new Promise<void>((resolve, reject) => transport.listen((error) => (error ? reject(error) : resolve())));
    await waitFor('both topics handled', async () => new Set(handled.map((h) => `${h.topic}/${h.value}`)).size === 2100, 120_000);

    const values = (topic: string) => handled.filter((h) => h.topic === topic).map((h) => h.value);
    // A restart may hand over again what was not yet committed; never skips or reorders.
    for (const [topic, count] of [
      [first, 2000],
      [second, 100],
    ] as const) {
      expect([...new Set(values(topic))]).toEqual(Array.from({ length: count }, (_, i) => i));
    }
    const lastOfFirst = handled.map((h) => h.topic).lastIndexOf(first);
    const firstOfSecond = handled.findIndex((h) => h.topic === second);
    expect(firstOfSecond).toBeGreaterThan(-1);
    expect(firstOfSecond).toBeLessThan(lastOfFirst);
  });
});
