import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { ConsumedBatch, ConsumedMessage } from './consumed-batch';
import { createKafka, KafkaSettings } from './kafka-client';
import { ensureTopics } from './topic-admin';
import { TopicSpec } from './topics';

export interface KafkaBatchTransportOptions {
  kafka: KafkaSettings;
  groupId: string;
  /** Topics created (if missing) before subscribing. */
  topics: TopicSpec[];
  maxBytesPerPartition?: number;
  maxWaitTimeInMs?: number;
}

/** One partition's share of a fetch, waiting to be handled together with the others. */
interface PartitionBatch {
  payload: EachBatchPayload;
  messages: ConsumedMessage[];
  done: (error?: unknown) => void;
}

/**
 * A Nest microservice transport that hands whole kafkajs batches to `@EventPattern(topic)`
 * handlers and commits each partition's offsets only after the handler has finished. The stock
 * Kafka server works a message at a time and a poison message can block a partition
 * (nestjs/nest #12703, #14664); here a handler sees the batch and decides what to dead-letter.
 */
export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchTransport.name);
  private readonly client: Kafka;
  private consumer?: Consumer;
  private waiting: PartitionBatch[] = [];
  private handling = false;

  constructor(private readonly options: KafkaBatchTransportOptions) {
    super();
    this.client = createKafka(options.kafka);
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
  }

  on(): never {
    throw new Error('KafkaBatchTransport does not emit events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const created = await ensureTopics(this.client, this.options.topics);
    if (created.length) this.log.log(`created topics ${created.join(', ')}`);
    const consumer = this.client.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 200,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    this.consumer = consumer;
    await consumer.connect();
    for (const topic of this.messageHandlers.keys()) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Every partition's share of a fetch is handed over together (see coalesce).
      partitionsConsumedConcurrently: 64,
      eachBatch: (payload) => this.coalesce(payload),
    });
    this.log.log(`consuming ${[...this.messageHandlers.keys()].join(', ')} as group ${this.options.groupId}`);
  }

  /**
   * kafkajs calls eachBatch once per partition. Small per-partition batches would each cost a
   * database transaction, so the partitions' batches that arrive while the previous hand-over is
   * being handled are merged into one. Offsets are committed per partition after the handler.
   */
  private coalesce(payload: EachBatchPayload): Promise<void> {
    const { batch, isRunning, isStale } = payload;
    if (batch.messages.length === 0 || !isRunning() || isStale()) return Promise.resolve();
    const messages: ConsumedMessage[] = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      timestamp: m.timestamp,
      key: m.key,
      value: m.value,
      headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? toBuffer(v[0]) : toBuffer(v)])),
    }));
    return new Promise((resolve, reject) => {
      this.waiting.push({ payload, messages, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.handling) setImmediate(() => void this.handleWaiting());
    });
  }

  private async handleWaiting(): Promise<void> {
    if (this.handling || this.waiting.length === 0) return;
    this.handling = true;
    const parts = this.waiting.splice(0);
    try {
      for (const topic of new Set(parts.map((p) => p.payload.batch.topic))) {
        await this.handleTopic(topic, parts.filter((p) => p.payload.batch.topic === topic));
      }
    } finally {
      this.handling = false;
      if (this.waiting.length > 0) setImmediate(() => void this.handleWaiting());
    }
  }

  private async handleTopic(topic: string, parts: PartitionBatch[]): Promise<void> {
    try {
      const handler = this.getHandlerByPattern(topic);
      if (!handler) throw new Error(`no handler for topic ${topic}`);
      const consumed: ConsumedBatch = {
        topic,
        partitions: parts.map((p) => p.payload.batch.partition),
        messages: parts.flatMap((p) => p.messages),
        heartbeat: () => parts[0].payload.heartbeat(),
      };
      await lastValueFrom(this.transformToObservable(await handler(consumed)), { defaultValue: undefined });
      const offsets = parts.map((p) => {
        const last = p.messages[p.messages.length - 1].offset;
        p.payload.resolveOffset(last);
        return { topic, partition: p.payload.batch.partition, offset: (BigInt(last) + 1n).toString() };
      });
      await this.consumer!.commitOffsets(offsets);
      parts.forEach((p) => p.done());
    } catch (error) {
      // kafkajs then retries each partition from its last committed offset.
      parts.forEach((p) => p.done(error));
    }
  }
}

function toBuffer(value: Buffer | string | undefined): Buffer | undefined {
  return value === undefined ? undefined : Buffer.isBuffer(value) ? value : Buffer.from(value);
}
