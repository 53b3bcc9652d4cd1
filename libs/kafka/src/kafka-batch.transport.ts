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
  /**
   * Decodes a message's value as soon as it is fetched (into \`ConsumedMessage.decoded\`), while
   * the previous batch is still being handled, so that decoding is off the handler's path.
   */
  decode?: (value: Buffer | null) => unknown;
  /** Messages fetched ahead of the handler before the fetcher waits (default 20,000). */
  prefetchMessages?: number;
  /** The most messages handed to one handler call, unless one partition's batch alone is more (default 20,000). */
  maxHandOverMessages?: number;
}

/** One partition's share of a fetch, waiting to be handled together with the others. */
interface QueuedPart {
  topic: string;
  partition: number;
  messages: ConsumedMessage[];
  heartbeat: () => Promise<void>;
}

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * A Nest microservice transport that hands whole kafkajs batches to \`@EventPattern(topic)\`
 * handlers and commits offsets only after the handler has finished. The stock Kafka server works
 * a message at a time and a poison message can block a partition (nestjs/nest #12703, #14664);
 * here a handler sees the batch and decides what to dead-letter.
 *
 * Fetching runs ahead of handling (bounded by \`prefetchMessages\`): kafkajs's position moves on
 * as soon as a batch is queued, so the next batch is fetched and decoded while this one is in the
 * database. Offsets are still committed only for what a handler finished, in order; when a
 * handler fails, everything queued is dropped and the consumer restarts from the committed
 * offsets, so nothing is skipped (handlers are idempotent, so nothing counts twice).
 */
export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchTransport.name);
  private readonly client: Kafka;
  private consumer?: Consumer;
  private queue: QueuedPart[] = [];
  private queuedMessages = 0;
  private fetcherWaiting: (() => void)[] = [];
  private handling = false;
  private failures = 0;

  constructor(private readonly options: KafkaBatchTransportOptions) {
    super();
    this.client = createKafka(options.kafka);
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    this.dropQueue();
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
    await this.run();
    this.log.log(`consuming ${[...this.messageHandlers.keys()].join(', ')} as group ${this.options.groupId}`);
  }

  private run(): Promise<void> {
    return this.consumer!.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Every partition's share of a fetch is queued together (see enqueue).
      partitionsConsumedConcurrently: 64,
      eachBatch: (payload) => this.enqueue(payload),
    });
  }

  /**
   * kafkajs calls eachBatch once per partition. The batch is queued and its offset resolved (the
   * fetch position, not the committed offset), so kafkajs fetches on; it waits only when the
   * queue is full. The handler takes everything queued at once: one database transaction for the
   * partitions' batches of one or more fetches.
   */
  private enqueue(payload: EachBatchPayload): Promise<void> {
    const { batch, isRunning, isStale } = payload;
    if (batch.messages.length === 0 || !isRunning() || isStale()) return Promise.resolve();
    const decode = this.options.decode;
    const messages: ConsumedMessage[] = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      timestamp: m.timestamp,
      key: m.key,
      value: m.value,
      headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? toBuffer(v[0]) : toBuffer(v)])),
      ...(decode ? { decoded: decodeSafely(decode, m.value) } : {}),
    }));
    payload.resolveOffset(batch.lastOffset());
    this.queue.push({ topic: batch.topic, partition: batch.partition, messages, heartbeat: () => payload.heartbeat() });
    this.queuedMessages += messages.length;
    if (!this.handling) setImmediate(() => void this.handleQueue());
    if (this.queuedMessages < (this.options.prefetchMessages ?? 20_000)) return Promise.resolve();
    return new Promise((resolve) => this.fetcherWaiting.push(resolve));
  }

  private async handleQueue(): Promise<void> {
    if (this.handling) return;
    this.handling = true;
    try {
      while (this.queue.length > 0) {
        const parts = this.takeQueue(this.options.maxHandOverMessages ?? 20_000);
        for (const topic of new Set(parts.map((p) => p.topic))) {
          await this.handleTopic(topic, parts.filter((p) => p.topic === topic));
        }
        this.failures = 0;
      }
    } catch (error) {
      await this.restartAfter(error);
    } finally {
      this.handling = false;
      if (this.queue.length > 0) setImmediate(() => void this.handleQueue());
    }
  }

  private async handleTopic(topic: string, parts: QueuedPart[]): Promise<void> {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`no handler for topic ${topic}`);
    const consumed: ConsumedBatch = {
      topic,
      partitions: [...new Set(parts.map((p) => p.partition))],
      messages: parts.flatMap((p) => p.messages),
      heartbeat: () => parts[0].heartbeat(),
    };
    await lastValueFrom(this.transformToObservable(await handler(consumed)), { defaultValue: undefined });
    // Queue order is fetch order, so a partition's last part holds its highest offset.
    const next = new Map(parts.map((p) => [p.partition, (BigInt(p.messages[p.messages.length - 1].offset) + 1n).toString()]));
    await this.consumer!.commitOffsets([...next].map(([partition, offset]) => ({ topic, partition, offset })));
  }

  /** Drops what was fetched ahead and starts again from the committed offsets, after a pause. */
  private async restartAfter(error: unknown): Promise<void> {
    this.failures += 1;
    const delay = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** (this.failures - 1));
    this.log.error(`handling failed (${(error as Error)?.message ?? error}); restarting from the committed offsets in ${delay} ms`);
    this.dropQueue();
    try {
      await this.consumer!.stop();
      this.dropQueue();
      await new Promise((resolve) => setTimeout(resolve, delay));
      await this.run();
    } catch (restartError) {
      this.log.error(`could not restart the consumer: ${(restartError as Error).message}`);
      throw restartError;
    }
  }

  /** Takes the oldest parts, up to \`limit\` messages (at least one part), and lets the fetcher go on. */
  private takeQueue(limit = Infinity): QueuedPart[] {
    let count = 0;
    let taken = 0;
    while (taken < this.queue.length && (taken === 0 || count + this.queue[taken].messages.length <= limit)) {
      count += this.queue[taken].messages.length;
      taken += 1;
    }
    const parts = this.queue.splice(0, taken);
    this.queuedMessages -= count;
    this.fetcherWaiting.splice(0).forEach((resume) => resume());
    return parts;
  }

  private dropQueue(): void {
    this.takeQueue();
  }
}

function decodeSafely(decode: (value: Buffer | null) => unknown, value: Buffer | null): unknown {
  try {
    return decode(value);
  } catch {
    return undefined;
  }
}

function toBuffer(value: Buffer | string | undefined): Buffer | undefined {
  return value === undefined ? undefined : Buffer.isBuffer(value) ? value : Buffer.from(value);
}
