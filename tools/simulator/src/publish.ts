import { agencyPrincipal, AgencyPublishers, KafkaEnv, kafkaSettingsFromEnv, TopicNames } from '@mcm/kafka';
import { agencyTypeOfCode } from '@mcm/shared';
import { stringify } from 'csv-stringify/sync';
import { SimEvent } from './sim-event';

export interface PublishOptions {
  /** Maximum events per second; undefined = as fast as possible. */
  rate?: number;
  /** Records per publish (default 20,000). */
  batchSize?: number;
  /** Topic names (from KAFKA_TOPIC_PREFIX); an isolated pipeline's names in tests. */
  topics: TopicNames;
  /** The agencies' Kafka settings (KAFKA_BROKERS, KAFKA_PKI_DIR), from the validated config. */
  env: KafkaEnv;
  /** Called after every acknowledged batch. */
  onProgress?: (published: number, total: number) => void;
}

export interface PublishResult {
  published: number;
  elapsedMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Batch size: large batches at full speed (each agency's share of a batch is one request on its
 * own connection, and hundreds of agencies share a batch); with a rate, about ten batches a second.
 */
export function batchSizeFor(rate: number | undefined, batchSize = 20_000): number {
  if (rate === undefined) return batchSize;
  return Math.max(1, Math.min(batchSize, Math.ceil(rate / 10)));
}

/** Milliseconds to wait so that `published` events took at least published/rate seconds. */
export function rateDelayMs(published: number, elapsedMs: number, rate: number | undefined): number {
  if (rate === undefined) return 0;
  return Math.max(0, (published * 1000) / rate - elapsedMs);
}

/** The agencies that publish these events, as `type,code` CSV lines (with a header). */
export function publishingAgenciesCsv(events: readonly SimEvent[]): string {
  const codes = [...new Set(events.map((e) => e.publisher))].sort();
  return stringify([['type', 'code'], ...codes.map((code) => [agencyTypeOfCode(code), code])]);
}

/**
 * Publishes the events in order, each as its agency (its own certificate, already issued by
 * onboarding) to its own input topic; every agency's events keep their order.
 */
export async function publishScenario(events: readonly SimEvent[], options: PublishOptions): Promise<PublishResult> {
  const { topics, env } = options;
  const publishers = new AgencyPublishers((code) => kafkaSettingsFromEnv(`mcm-simulator-${code}`, agencyPrincipal(code, topics.prefix), env), topics);
  const started = Date.now();
  const size = batchSizeFor(options.rate, options.batchSize);
  let published = 0;
  try {
    for (let from = 0; from < events.length; from += size) {
      const batch = events.slice(from, from + size).map((e) => ({ agency: e.publisher, key: e.key, value: e.bytes, headers: { ...e.headers } }));
      await publishers.publish(batch);
      published += batch.length;
      options.onProgress?.(published, events.length);
      const wait = rateDelayMs(published, Date.now() - started, options.rate);
      if (wait > 0) await sleep(wait);
    }
  } finally {
    await publishers.disconnect();
  }
  return { published, elapsedMs: Date.now() - started };
}
