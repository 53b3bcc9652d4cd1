import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, LogEntry } from 'kafkajs';

/** Files of one mutual-TLS identity: the broker maps the certificate's CN to the principal. */
export interface KafkaTlsFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
}

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Every listener of the broker requires a client certificate. */
  tls: KafkaTlsFiles;
}

/** The variables that say where the broker is and which identity to present (from the validated config: CommonEnv). */
export type KafkaEnv = Partial<Record<'KAFKA_BROKERS' | 'KAFKA_PKI_DIR' | 'KAFKA_CA_FILE' | 'KAFKA_CERT_FILE' | 'KAFKA_KEY_FILE', string>>;

/** Where `scripts/infra/pki.sh` keeps the local CA and the certificates it issued. */
export function pkiDir(env: KafkaEnv): string {
  return env.KAFKA_PKI_DIR || join(process.cwd(), '.infra', 'pki');
}

/** The files of a principal issued by the local CA (`pki.sh issue <principal>`). */
export function issuedTlsFiles(principal: string, env: KafkaEnv): KafkaTlsFiles {
  const dir = pkiDir(env);
  return { caFile: join(dir, 'ca.crt'), certFile: join(dir, 'clients', `${principal}.crt`), keyFile: join(dir, 'clients', `${principal}.key`) };
}

/**
 * A service's or tool's Kafka settings: KAFKA_CA_FILE / KAFKA_CERT_FILE / KAFKA_KEY_FILE when set
 * (production: files the operator provides), else the local CA's certificate for `principal`.
 */
export function kafkaSettingsFromEnv(clientId: string, principal: string, env: KafkaEnv): KafkaSettings {
  const issued = issuedTlsFiles(principal, env);
  return {
    brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    clientId,
    tls: {
      caFile: env.KAFKA_CA_FILE || issued.caFile,
      certFile: env.KAFKA_CERT_FILE || issued.certFile,
      keyFile: env.KAFKA_KEY_FILE || issued.keyFile,
    },
  };
}

/** The project's own admin tooling (the broker's only super user besides the broker itself). */
export const ADMIN_PRINCIPAL = 'mcm-admin';

export function adminKafka(clientId: string, env: KafkaEnv): Kafka {
  return createKafka(kafkaSettingsFromEnv(clientId, ADMIN_PRINCIPAL, { ...env, KAFKA_CA_FILE: '', KAFKA_CERT_FILE: '', KAFKA_KEY_FILE: '' }));
}

function readTls({ caFile, certFile, keyFile }: KafkaTlsFiles): { ca: Buffer[]; cert: Buffer; key: Buffer } {
  try {
    return { ca: [readFileSync(caFile)], cert: readFileSync(certFile), key: readFileSync(keyFile) };
  } catch (error) {
    throw new Error(`cannot read the Kafka TLS identity (${(error as NodeJS.ErrnoException).path ?? certFile}): ${(error as Error).message}`);
  }
}

const LEVEL_NAMES: Record<number, string> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs behind our own factory (kafkajs is in maintenance mode: keep it replaceable). */
export function createKafka({ brokers, clientId, tls }: KafkaSettings): Kafka {
  return new Kafka({
    clientId,
    brokers,
    ssl: { ...readTls(tls), rejectUnauthorized: true },
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8 },
    // One JSON line per kafkajs log entry; messages never carry event payloads.
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const { message, error } = log as { message: string; error?: string };
        process.stderr.write(`${JSON.stringify({ level: LEVEL_NAMES[level] ?? level, source: `kafkajs.${namespace}`, message, error })}\n`);
      },
  });
}
