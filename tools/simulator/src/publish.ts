import { createKafka, ensureTopics, KafkaPublisher, OutgoingRecord, TopicNames, TOPICS, topicSpecs } from '@mcm/kafka';
import { SimEvent } from './sim-event';

export interface PublishOptions {
  brokers: string[];
  /** Maximum events per second; undefined = as fast as possible. */
  rate?: number;
  /** Records per publish (default 2,000). */
  batchSize?: number;
  clientId?: string;
  /** Topic names (default TOPICS, which honours KAFKA_TOPIC_PREFIX); pass an isolated pipeline's names in tests. */
  topics?: TopicNames;
  /** Called after every acknowledged batch. */
  onProgress?: (published: number, total: number) => void;
}

export interface PublishResult {
  published: number;
  elapsedMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Batch size: whole batches at full speed; with a rate, about ten batches a second. */
export function batchSizeFor(rate: number | undefined, batchSize = 2000): number {
  if (rate === undefined) return batchSize;
  return Math.max(1, Math.min(batchSize, Math.ceil(rate / 10)));
}

/** Milliseconds to wait so that `published` events took at least published/rate seconds. */
export function rateDelayMs(published: number, elapsedMs: number, rate: number | undefined): number {
  if (rate === undefined) return 0;
  return Math.max(0, (published * 1000) / rate - elapsedMs);
}

/** Publishes the events, in order, to the events topic (missing.events.v1); the pipeline's topics are created if missing. */
export async function publishScenario(events: readonly SimEvent[], options: PublishOptions): Promise<PublishResult> {
  const kafka = createKafka({ brokers: options.brokers, clientId: options.clientId ?? 'mcm-simulator' });
  const topics = options.topics ?? TOPICS;
  await ensureTopics(kafka, topicSpecs(topics));
  const publisher = new KafkaPublisher(kafka);
  await publisher.connect();
  const started = Date.now();
  const size = batchSizeFor(options.rate, options.batchSize);
  let published = 0;
  try {
    for (let from = 0; from < events.length; from += size) {
      const batch: OutgoingRecord[] = events.slice(from, from + size).map((e) => ({
        topic: topics.events,
        key: e.key,
        value: e.bytes,
        headers: { ...e.headers },
      }));
      await publisher.publish(batch);
      published += batch.length;
      options.onProgress?.(published, events.length);
      const wait = rateDelayMs(published, Date.now() - started, options.rate);
      if (wait > 0) await sleep(wait);
    }
  } finally {
    await publisher.disconnect();
  }
  return { published, elapsedMs: Date.now() - started };
}
