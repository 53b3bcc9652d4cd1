import { DAILY_SEGMENTS, DEFAULT_TOPIC_RETENTION, retentionMs, TopicRetention } from './topic-retention';

export interface TopicNames {
  /** The environment's prefix ('' in production; tests and benchmarks isolate runs with one). */
  prefix: string;
  /**
   * Each agency publishes to its own topic, `<agencyInputPrefix><agency code>`, which only that
   * agency's principal may write: the topic is how ingest knows who sent an event.
   * Key = `${agency.code}:${agencyChildRef}`.
   */
  agencyInputPrefix: string;
  /** Each agency's dead letters, `<agencyRejectionsPrefix><agency code>`, readable by that agency only. */
  agencyRejectionsPrefix: string;
  /** Validated, normalised events, from ingest to the aggregator; same key. Only ingest writes it. */
  accepted: string;
  /** The aggregator's own dead letters (internal: operators only). */
  rejected: string;
  /** Weekly bulletins (JSON), key = ISO week, one message per revision. */
  bulletins: string;
}

/**
 * Topic names. KAFKA_TOPIC_PREFIX (empty in production) lets isolated test pipelines share one
 * broker without reading each other's events.
 */
export function topicNames(prefix = ''): TopicNames {
  return {
    prefix,
    agencyInputPrefix: `${prefix}missing.events.v1.`,
    agencyRejectionsPrefix: `${prefix}missing.rejections.v1.`,
    accepted: `${prefix}missing.events.accepted.v1`,
    rejected: `${prefix}missing.events.rejected.v1`,
    bulletins: `${prefix}missing.bulletins.v1`,
  };
}

export function agencyInputTopic(code: string, topics: TopicNames): string {
  return `${topics.agencyInputPrefix}${code}`;
}

export function agencyRejectionsTopic(code: string, topics: TopicNames): string {
  return `${topics.agencyRejectionsPrefix}${code}`;
}

/** The agency whose input topic this is (the agency the broker authenticated), if it is one. */
export function agencyOfInputTopic(topic: string, topics: TopicNames): string | undefined {
  if (!topic.startsWith(topics.agencyInputPrefix)) return undefined;
  const code = topic.slice(topics.agencyInputPrefix.length);
  return code.length > 0 ? code : undefined;
}

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  configEntries?: { name: string; value: string }[];
}

// A dead letter carries the original message base64-encoded, so it may be larger than it.
const LARGE_MESSAGES = { name: 'max.message.bytes', value: String(8 * 1024 * 1024) };

/**
 * The environment's shared topics (created by the admin tooling, never by the services), each with
 * a finite retention (`retention.ms`: the broker deletes older segments).
 */
export function topicSpecs(topics: TopicNames, retention: TopicRetention = DEFAULT_TOPIC_RETENTION): TopicSpec[] {
  return [
    { topic: topics.accepted, numPartitions: 6, configEntries: [retentionMs(retention.acceptedDays), DAILY_SEGMENTS] },
    { topic: topics.rejected, numPartitions: 3, configEntries: [LARGE_MESSAGES, retentionMs(retention.rejectedDays), DAILY_SEGMENTS] },
    { topic: topics.bulletins, numPartitions: 1, configEntries: [LARGE_MESSAGES, retentionMs(retention.bulletinsDays), DAILY_SEGMENTS] },
  ];
}

/**
 * One agency's topics. One input partition keeps all of an agency's events in order; an agency
 * with a heavy stream can be given more at onboarding.
 */
export function agencyTopicSpecs(
  code: string,
  topics: TopicNames,
  inputPartitions = 1,
  retention: TopicRetention = DEFAULT_TOPIC_RETENTION,
): TopicSpec[] {
  return [
    agencyInputTopicSpec(agencyInputTopic(code, topics), inputPartitions, retention),
    agencyRejectionsTopicSpec(agencyRejectionsTopic(code, topics), retention),
  ];
}

export function agencyInputTopicSpec(topic: string, numPartitions: number, retention: TopicRetention = DEFAULT_TOPIC_RETENTION): TopicSpec {
  return { topic, numPartitions, configEntries: [retentionMs(retention.inputDays), DAILY_SEGMENTS] };
}

export function agencyRejectionsTopicSpec(topic: string, retention: TopicRetention = DEFAULT_TOPIC_RETENTION): TopicSpec {
  return { topic, numPartitions: 1, configEntries: [LARGE_MESSAGES, retentionMs(retention.rejectedDays), DAILY_SEGMENTS] };
}

/** The partitioning key agencies use: one agency's child always lands on one partition. */
export function agencyChildKey(agencyCode: string, agencyChildRef: string): string {
  return `${agencyCode}:${agencyChildRef}`;
}
