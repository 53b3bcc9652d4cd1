export interface TopicNames {
  /** Agencies publish here; key = `${agency.code}:${agencyChildRef}`. */
  events: string;
  /** Validated, normalised events, from ingest to the aggregator; same key. */
  accepted: string;
  /** Dead letters: original bytes, headers, source position and every reason. */
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
    events: `${prefix}missing.events.v1`,
    accepted: `${prefix}missing.events.accepted.v1`,
    rejected: `${prefix}missing.events.rejected.v1`,
    bulletins: `${prefix}missing.bulletins.v1`,
  };
}

export const TOPICS: TopicNames = topicNames(process.env.KAFKA_TOPIC_PREFIX ?? '');

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  configEntries?: { name: string; value: string }[];
}

export function topicSpecs(topics: TopicNames = TOPICS): TopicSpec[] {
  return [
    { topic: topics.events, numPartitions: 6 },
    { topic: topics.accepted, numPartitions: 6 },
    // A dead letter carries the original message base64-encoded, so it may be larger than it.
    { topic: topics.rejected, numPartitions: 3, configEntries: [{ name: 'max.message.bytes', value: String(8 * 1024 * 1024) }] },
    { topic: topics.bulletins, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(8 * 1024 * 1024) }] },
  ];
}

export const TOPIC_SPECS: TopicSpec[] = topicSpecs();

/** The partitioning key agencies use: one agency's child always lands on one partition. */
export function agencyChildKey(agencyCode: string, agencyChildRef: string): string {
  return `${agencyCode}:${agencyChildRef}`;
}
