/** One message as our handlers see it: raw bytes plus where it came from. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | undefined>;
  /** The value as the transport's \`decode\` option read it, when one is configured. */
  decoded?: unknown;
}

/**
 * The messages of one topic fetched together, from one or more partitions (each partition's in
 * offset order, possibly from several fetches). The transport commits offsets after the handler's promise resolves, so a handler
 * must finish all its durable work (a database commit, an acknowledged produce) before it returns.
 */
export interface ConsumedBatch {
  /** The handler pattern: the topic, or a name for a set of topics (each message has its own). */
  topic: string;
  partitions: number[];
  messages: ConsumedMessage[];
  /** Keeps the group membership alive during long work. */
  heartbeat(): Promise<void>;
}
