import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';

export interface OutgoingRecord {
  topic: string;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string | Buffer>;
}

/**
 * Publishes records and resolves only once the broker has acknowledged all of them (acks=all),
 * so callers may commit their input offsets afterwards.
 */
export class KafkaPublisher {
  private readonly producer: Producer;

  constructor(kafka: Kafka) {
    // Idempotent: a retried send (e.g. on NOT_LEADER just after a topic is created) must not write
    // twice; kafkajs requires one request in flight for it (PR #980). The Java-compatible
    // partitioner puts a key on the same partition whichever client sends it.
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      idempotent: true,
      maxInFlightRequests: 1,
      // An idempotent producer retries until the broker answers (kafkajs warns otherwise); the
      // caller's offsets stay uncommitted meanwhile, so nothing is lost while Kafka is away.
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 10_000 },
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Publishes one record and returns where it landed. */
  async publishWithAck(record: OutgoingRecord): Promise<{ partition: number; offset: string }[]> {
    const acks = await this.producer.send({
      topic: record.topic,
      acks: -1,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
    return acks.map((a) => ({ partition: a.partition, offset: a.baseOffset ?? '' }));
  }

  async publish(records: OutgoingRecord[], compression = CompressionTypes.None): Promise<void> {
    for (const chunk of chunksUnder(records, MAX_REQUEST_BYTES)) {
      const byTopic = new Map<string, OutgoingRecord[]>();
      for (const r of chunk) {
        const list = byTopic.get(r.topic);
        if (list) list.push(r);
        else byTopic.set(r.topic, [r]);
      }
      await this.producer.sendBatch({
        acks: -1,
        compression,
        topicMessages: [...byTopic].map(([topic, rs]) => ({ topic, messages: rs.map(({ key, value, headers }) => ({ key, value, headers })) })),
      });
    }
  }
}

/**
 * The broker refuses a partition's record batch over message.max.bytes (1 MiB by default), and a
 * kafkajs sendBatch puts each partition's share in one batch: requests are cut to stay under it.
 * A single larger record (an oversized dead letter) travels alone, to a topic configured for it.
 */
const MAX_REQUEST_BYTES = 768 * 1024;

export function* chunksUnder(records: OutgoingRecord[], maxBytes: number): Generator<OutgoingRecord[]> {
  let chunk: OutgoingRecord[] = [];
  let bytes = 0;
  for (const r of records) {
    const size = (r.key?.length ?? 0) + (r.value?.length ?? 0) + 64;
    if (chunk.length > 0 && bytes + size > maxBytes) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(r);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
