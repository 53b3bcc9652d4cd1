import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { ConsumedBatch, ConsumedMessage } from './consumed-batch';
import { createKafka, KafkaSettings } from './kafka-client';
import { BackoffSettings, backoffDelayMs, DEFAULT_BACKOFF } from './retry-backoff';

export interface KafkaBatchTransportOptions {
  kafka: KafkaSettings;
  groupId: string;
  /**
   * The topics to consume, asked again every \`resubscribeEveryMs\`: when the answer changes (an
   * agency was onboarded), the consumer is restarted on the new set from the committed offsets.
   * Each topic is routed to the handler of \`handlerPattern(topic)\`. Default: the handlers' own
   * patterns, which must exist (the admin tooling creates topics; services may not).
   */
  subscription?: { topics: (admin: Admin) => Promise<string[]>; handlerPattern: (topic: string) => string; resubscribeEveryMs?: number };
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
  /** Pauses before a failed hand-over is tried again (exponential with jitter; default 0.5 s to 30 s). */
  backoff?: BackoffSettings;
}

/** One partition's share of a fetch, waiting to be handled together with the others. */
interface QueuedPart {
  topic: string;
  partition: number;
  messages: ConsumedMessage[];
  heartbeat: () => Promise<void>;
}

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
  private subscribed: string[] = [];
  private resubscribeTimer?: NodeJS.Timeout;
  private resubscribing = false;
  /** Set while a resubscription waits: the handler finishes its hand-over and takes no next one. */
  private holdHandOvers = false;
  private admin?: Admin;

  constructor(private readonly options: KafkaBatchTransportOptions) {
    super();
    this.client = createKafka(options.kafka);
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    clearInterval(this.resubscribeTimer);
    this.dropQueue();
    await this.consumer?.disconnect();
    await this.admin?.disconnect();
  }

  on(): never {
    throw new Error('KafkaBatchTransport does not emit events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    this.admin = this.client.admin();
    await this.admin.connect();
    const topics = await this.wantedTopics();
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
    if (topics.length > 0) await this.subscribeAndRun(topics);
    else this.log.log('nothing to consume yet: waiting for topics');
    const every = this.options.subscription?.resubscribeEveryMs;
    if (every) this.resubscribeTimer = setInterval(() => void this.resubscribeIfChanged(), every);
  }

  private async wantedTopics(): Promise<string[]> {
    const wanted = this.options.subscription ? await this.options.subscription.topics(this.admin!) : [...this.messageHandlers.keys()];
    const existing = new Set(await this.admin!.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) throw new Error(`topics missing: ${missing.join(', ')} (the admin tooling creates them: npm run infra:up)`);
    return [...wanted].sort();
  }

  private async subscribeAndRun(topics: string[]): Promise<void> {
    // One subscribe call: each call refreshes metadata, and an agency per topic makes hundreds.
    await this.consumer!.subscribe({ topics, fromBeginning: true });
    this.subscribed = topics;
    await this.run();
    this.log.log(`consuming ${topics.length > 8 ? `${topics.length} topics` : topics.join(', ')} as group ${this.options.groupId}`);
  }

  /**
   * A new agency's topic joins the subscription: kafkajs cannot add topics to a running consumer,
   * so it is stopped between hand-overs and started again on the new set. Nothing is lost: what
   * was fetched ahead is dropped, and the consumer resumes from the committed offsets.
   */
  private async resubscribeIfChanged(): Promise<void> {
    if (this.resubscribing) return;
    this.resubscribing = true;
    try {
      const topics = await this.wantedTopics();
      if (topics.join('\n') === this.subscribed.join('\n')) return;
      // Under a steady backlog the handler is never idle: hold it after its current hand-over.
      this.holdHandOvers = true;
      while (this.handling) await new Promise((resolve) => setTimeout(resolve, 20));
      this.handling = true;
      try {
        this.dropQueue();
        if (this.subscribed.length > 0) await this.consumer!.stop();
        this.dropQueue();
        await this.subscribeAndRun(topics);
      } finally {
        this.handling = false;
        this.holdHandOvers = false;
      }
      if (this.queue.length > 0) setImmediate(() => void this.handleQueue());
    } catch (error) {
      this.log.warn(`could not refresh the subscription: ${(error as Error).message}`);
    } finally {
      this.resubscribing = false;
    }
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
    if (this.handling || this.holdHandOvers) return;
    this.handling = true;
    try {
      while (this.queue.length > 0 && !this.holdHandOvers) {
        const parts = this.takeQueue(this.options.maxHandOverMessages ?? 20_000);
        await this.handleParts(parts);
        this.failures = 0;
      }
    } catch (error) {
      await this.restartAfter(error);
    } finally {
      this.handling = false;
      if (this.queue.length > 0 && !this.holdHandOvers) setImmediate(() => void this.handleQueue());
    }
  }

  /**
   * One handler call per handler pattern: every agency's input topic goes to ingest's one handler
   * together, so a fetch across hundreds of single-partition topics is still one hand-over.
   */
  private async handleParts(parts: QueuedPart[]): Promise<void> {
    const patternOf = (topic: string) => this.options.subscription?.handlerPattern(topic) ?? topic;
    for (const pattern of new Set(parts.map((p) => patternOf(p.topic)))) {
      await this.handlePattern(
        pattern,
        parts.filter((p) => patternOf(p.topic) === pattern),
      );
    }
  }

  private async handlePattern(pattern: string, parts: QueuedPart[]): Promise<void> {
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) throw new Error(`no handler for ${pattern}`);
    const consumed: ConsumedBatch = {
      topic: pattern,
      partitions: [...new Set(parts.map((p) => p.partition))],
      messages: parts.flatMap((p) => p.messages),
      heartbeat: () => parts[0].heartbeat(),
    };
    await lastValueFrom(this.transformToObservable(await handler(consumed)), { defaultValue: undefined });
    // Queue order is fetch order, so a partition's last part holds its highest offset.
    const next = new Map(
      parts.map((p) => [
        `${p.topic}\u0000${p.partition}`,
        { topic: p.topic, partition: p.partition, offset: (BigInt(p.messages[p.messages.length - 1].offset) + 1n).toString() },
      ]),
    );
    await this.consumer!.commitOffsets([...next.values()]);
  }

  /**
   * Drops what was fetched ahead and starts again from the committed offsets, after a pause that
   * doubles with each failure in a row (jittered, capped). A handler throws only what a retry may
   * cure: what is the data's fault for good it dead-letters itself (see applyBisecting).
   */
  private async restartAfter(error: unknown): Promise<void> {
    this.failures += 1;
    const delay = backoffDelayMs(this.failures, this.options.backoff ?? DEFAULT_BACKOFF);
    this.log.error(
      `handling failed (${(error as Error)?.message ?? error}); retry ${this.failures}: restarting from the committed offsets in ${delay} ms`,
    );
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
