import { randomBytes } from 'node:crypto';
import { createKafka, deleteTopics, ensureTopics, KafkaPublisher, OutgoingRecord, TopicNames, topicNames, topicSpecs } from '@mcm/kafka';
import { Admin, Kafka } from 'kafkajs';
import { mintToken } from '../../../apps/api/src/auth/mint-token';
import { Role } from '../../../apps/api/src/auth/roles';
import { ScratchDatabase } from './scratch-database';
import { freePort, RunningService, ServiceName, waitFor } from './service-process';

export interface RawMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
  partition: number;
  offset: string;
}

/**
 * An isolated copy of the whole pipeline on the shared broker and database server: its own topic
 * prefix, consumer groups and database, and the three compiled services as child processes.
 */
export class IsolatedPipeline {
  readonly id: string;
  readonly jwtSecret = randomBytes(24).toString('hex');
  readonly topics: TopicNames;
  readonly kafka: Kafka;

  constructor(readonly label = 'test', private readonly extraEnv: NodeJS.ProcessEnv = {}) {
    this.id = randomBytes(4).toString('hex');
    this.topics = topicNames(`${label}-${this.id}.`);
    this.kafka = createKafka({ clientId: `${label}-${this.id}`, brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',') });
  }

  readonly db = new ScratchDatabase();
  readonly services = new Map<ServiceName, RunningService>();
  apiPort = 0;
  private publisher?: KafkaPublisher;
  private admin?: Admin;

  async start(which: ServiceName[] = ['ingest', 'aggregator', 'api']): Promise<this> {
    await this.db.create();
    await ensureTopics(this.kafka, topicSpecs(this.topics));
    this.apiPort = await freePort();
    for (const name of which) await this.startService(name);
    return this;
  }

  env(): NodeJS.ProcessEnv {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.db.url,
      KAFKA_TOPIC_PREFIX: `${this.label}-${this.id}.`,
      INGEST_GROUP_ID: `${this.label}-${this.id}-ingest`,
      AGGREGATOR_GROUP_ID: `${this.label}-${this.id}-aggregator`,
      API_PORT: String(this.apiPort),
      LOG_FORMAT: 'json',
      // The weekly job would publish at start-up; specs about bulletins turn it on themselves.
      BULLETIN_ENABLED: 'false',
      JWT_SECRET: this.jwtSecret,
      // Specs read figures right after writing them: no reuse of answers.
      API_CACHE_SECONDS: '0',
      ...this.extraEnv,
    };
  }

  async startService(name: ServiceName): Promise<RunningService> {
    const service = new RunningService(name, this.env(), `${this.label}-${this.id}-${name}`).start();
    this.services.set(name, service);
    if (name === 'api') await waitFor('the api', () => this.api('/health').then((r) => r.status === 200));
    return service;
  }

  service(name: ServiceName): RunningService {
    return this.services.get(name)!;
  }

  async publish(records: Omit<OutgoingRecord, 'topic'>[], topic = this.topics.events): Promise<void> {
    if (!this.publisher) {
      this.publisher = new KafkaPublisher(this.kafka);
      await this.publisher.connect();
    }
    for (let i = 0; i < records.length; i += 2000) {
      await this.publisher.publish(records.slice(i, i + 2000).map((r) => ({ ...r, topic })));
    }
  }

  /** Messages in the topic now (reads from the beginning up to the current end offsets). */
  async readAll(topic: string): Promise<RawMessage[]> {
    const admin = await this.adminClient();
    const ends = await admin.fetchTopicOffsets(topic);
    const wanted = new Map(ends.map((p) => [p.partition, BigInt(p.high)]));
    const total = [...wanted.values()].reduce((a, b) => a + b, 0n);
    const messages: RawMessage[] = [];
    if (total === 0n) return messages;
    const consumer = this.kafka.consumer({ groupId: `${this.label}-${this.id}-reader-${randomBytes(3).toString('hex')}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          if (BigInt(message.offset) >= (wanted.get(partition) ?? 0n)) return;
          messages.push({
            key: message.key, value: message.value, partition, offset: message.offset,
            headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.from(v as Buffer)])),
          });
          if (BigInt(messages.length) === total) resolve();
        },
      }).catch(reject);
      setTimeout(() => reject(new Error(`read ${messages.length} of ${total} messages from ${topic}`)), 60_000).unref();
    });
    await consumer.disconnect();
    return messages;
  }

  /** True once a consumer group has committed the end offset of every partition of a topic. */
  async caughtUp(groupId: string, topic: string): Promise<boolean> {
    const admin = await this.adminClient();
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const byPartition = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    return ends.every((e) => BigInt(e.high) === 0n || byPartition.get(e.partition) === BigInt(e.high));
  }

  waitUntilIngested(timeoutMs = 300_000): Promise<boolean> {
    return waitFor('ingest to catch up', () => this.caughtUp(this.env().INGEST_GROUP_ID!, this.topics.events), timeoutMs, 300);
  }

  /** Waits until ingest, then the aggregator, have committed everything published so far. */
  async waitUntilProcessed(timeoutMs = 300_000): Promise<void> {
    await this.waitUntilIngested(timeoutMs);
    await waitFor('the aggregator to catch up', () => this.caughtUp(this.env().AGGREGATOR_GROUP_ID!, this.topics.accepted), timeoutMs, 300);
  }

  async resetGroupToStart(groupId: string, topic: string): Promise<void> {
    const admin = await this.adminClient();
    await admin.resetOffsets({ groupId, topic, earliest: true });
  }

  /** A bearer token the pipeline's API accepts (signed with its JWT_SECRET). */
  token(role: Role = 'statistician', sub = `test-${role}`): Promise<string> {
    return mintToken({ sub, role }, { secret: this.jwtSecret, issuer: 'missing-children-monitor', audience: 'mcm-api' });
  }

  /** GET against the API; signed in as a statistician unless told otherwise (`role: null`: no token). */
  async api(path: string, role: Role | null = 'statistician'): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = role ? { authorization: `Bearer ${await this.token(role)}` } : {};
    const response = await fetch(`http://127.0.0.1:${this.apiPort}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async stop(): Promise<void> {
    for (const service of this.services.values()) await service.kill('SIGTERM');
    await this.publisher?.disconnect();
    await this.admin?.disconnect();
    await deleteTopics(this.kafka, Object.values(this.topics)).catch(() => undefined);
    await this.db.drop();
  }

  private async adminClient(): Promise<Admin> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin;
  }
}
