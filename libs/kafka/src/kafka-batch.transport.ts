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
  partitionsConsumedConcurrently?: number;
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
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.log.log(`consuming ${[...this.messageHandlers.keys()].join(', ')} as group ${this.options.groupId}`);
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) throw new Error(`no handler for topic ${batch.topic}`);
    const messages: ConsumedMessage[] = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      timestamp: m.timestamp,
      key: m.key,
      value: m.value,
      headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? toBuffer(v[0]) : toBuffer(v)])),
    }));
    const consumed: ConsumedBatch = { topic: batch.topic, partition: batch.partition, messages, heartbeat };
    await lastValueFrom(this.transformToObservable(await handler(consumed)), { defaultValue: undefined });
    const last = messages[messages.length - 1].offset;
    resolveOffset(last);
    await this.consumer!.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    await heartbeat();
  }
}

function toBuffer(value: Buffer | string | undefined): Buffer | undefined {
  return value === undefined ? undefined : Buffer.isBuffer(value) ? value : Buffer.from(value);
}
