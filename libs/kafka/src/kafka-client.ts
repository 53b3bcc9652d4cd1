import { Kafka, logLevel, LogEntry } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

export function kafkaSettingsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  return { brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean), clientId };
}

const LEVEL_NAMES: Record<number, string> = { [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug' };

/** kafkajs behind our own factory (kafkajs is in maintenance mode: keep it replaceable). */
export function createKafka({ brokers, clientId }: KafkaSettings): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8 },
    // One JSON line per kafkajs log entry; messages never carry event payloads.
    logCreator: () => ({ namespace, level, log }: LogEntry) => {
      const { message, error } = log as { message: string; error?: string };
      process.stderr.write(`${JSON.stringify({ level: LEVEL_NAMES[level] ?? level, source: `kafkajs.${namespace}`, message, error })}\n`);
    },
  });
}
