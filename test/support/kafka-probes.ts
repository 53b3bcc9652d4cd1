import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, KafkaTlsFiles, probeKafka, ProbeTls } from '@mcm/kafka';
import { harnessEnv } from '../../tools/harness/src';

/** A raw kafkajs client with no retries: what an attacker's or agency's own client would do. */
export function rawClient(clientId: string, ssl: ProbeTls): Kafka {
  return probeKafka(clientId, harnessEnv().KAFKA_BROKERS.split(','), ssl);
}

export function tlsOf(files: KafkaTlsFiles): ProbeTls {
  return { ca: [readFileSync(files.caFile)], cert: readFileSync(files.certFile), key: readFileSync(files.keyFile) };
}

/** The error a one-message produce ends with, or undefined if the broker took it. */
export async function produceError(kafka: Kafka, topic: string, value = 'probe'): Promise<Error | undefined> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  try {
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'probe', value }] });
    return undefined;
  } catch (error) {
    return error as Error;
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

/** Consumes a topic for a while as a group: what was read, and the error that stopped it, if any. */
export async function consumeAttempt(kafka: Kafka, groupId: string, topic: string, ms = 8000): Promise<{ read: number; error?: Error }> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, retry: { retries: 0, restartOnFailure: async () => false } });
  let read = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const crashed = new Promise<Error>((resolve) => consumer.on(consumer.events.CRASH, (e) => resolve(e.payload.error)));
    await consumer.run({
      eachMessage: async () => {
        read += 1;
      },
    });
    const error = await Promise.race([crashed, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
    return { read, error };
  } catch (error) {
    return { read, error: error as Error };
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** A certificate for any name, from a certificate authority the broker has never heard of. */
export function forgedIdentity(commonName: string): KafkaTlsFiles {
  const dir = mkdtempSync(join(tmpdir(), 'mcm-forged-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-subj',
    '/CN=mcm-local-ca',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
  ]);
  run([
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-subj',
    `/CN=${commonName}`,
    '-keyout',
    'client.key',
    '-out',
    'client.csr',
  ]);
  run(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '7', '-days', '2', '-out', 'client.crt']);
  return { caFile: join(dir, 'ca.crt'), certFile: join(dir, 'client.crt'), keyFile: join(dir, 'client.key') };
}
