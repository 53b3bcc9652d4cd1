import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Admin,
  adminKafka,
  agencyPrincipal,
  AgencyPublishers,
  assignedTopics,
  issuedTlsFiles,
  Kafka,
  kafkaSettingsFromEnv,
  OutgoingRecord,
  serviceGroup,
  TopicNames,
  topicNames,
} from '@mcm/kafka';
import { migrateDatabase } from '@mcm/persistence';
import { agencyTypeOfCode, IdentityKeyring, referenceData, writeKeyringFile } from '@mcm/shared';
import { AgencyCredentials, AgencyOnboarding, provisionEnvironment, removeEnvironment } from '../../agency/src';
import { mintToken, Role } from '../../../apps/api/src';
import { harnessEnv } from './harness.env';
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
 * The aggregator's linker for specs that compare figures exactly with the simulator's
 * deterministic expectation (`computeExpected(...).deterministic`), or whose hand-made children
 * differ only by digits in their names ("CHILD1", "CHILD2": one child to probabilistic linkage,
 * which compares names as letters): pass it as (part of) the extra env. Every other spec runs
 * the default, probabilistic linkage with the shipped model.
 */
export const DETERMINISTIC_LINKAGE = { LINKER: 'deterministic' } as const;

/** A record to publish as an agency: `as` names it, else the agency code before the key's ':'. */
export type AgencyMessage = Omit<OutgoingRecord, 'topic'> & { as?: string };

/**
 * An isolated copy of the whole pipeline on the shared (secured) broker and database server: its
 * own topic prefix, principals, grants, consumer groups and database, the three compiled
 * services as child processes, and agencies onboarded as they first publish.
 */
export class IsolatedPipeline {
  readonly id: string;
  readonly jwtSecret = randomBytes(24).toString('hex');
  /** This environment's own identity keyring (ingest and aggregator), so a spec may rotate it. */
  readonly identityKeysFile = join(mkdtempSync(join(tmpdir(), 'mcm-keys-')), 'identity-keys.json');
  readonly topics: TopicNames;
  readonly kafka: Kafka;

  constructor(
    readonly label = 'test',
    private readonly extraEnv: NodeJS.ProcessEnv = {},
  ) {
    this.id = randomBytes(4).toString('hex');
    this.topics = topicNames(`${label}-${this.id}.`);
    // The harness sets up, inspects and tears down as the admin tooling (a super user).
    this.kafka = adminKafka(`${label}-${this.id}`, harnessEnv());
    this.agencyPublishers = new AgencyPublishers(
      (code) => kafkaSettingsFromEnv(`${label}-${this.id}-${code}`, agencyPrincipal(code, this.topics.prefix), harnessEnv()),
      this.topics,
    );
  }

  readonly db = new ScratchDatabase();
  readonly services = new Map<ServiceName, RunningService>();
  apiPort = 0;
  gatewayPort = 0;
  readonly agencyPublishers: AgencyPublishers;
  readonly credentials = new Map<string, AgencyCredentials>();
  private admin?: Admin;

  async start(which: ServiceName[] = ['ingest', 'aggregator', 'api']): Promise<this> {
    await this.db.create();
    writeKeyringFile(this.identityKeysFile, IdentityKeyring.generate());
    // As the owner, as `npm run migration:run` does: the schema, then the services' grants.
    await migrateDatabase(this.db.url);
    await provisionEnvironment(this.kafka, this.topics, harnessEnv());
    this.apiPort = await freePort();
    this.gatewayPort = await freePort();
    for (const name of which) await this.startService(name);
    return this;
  }

  env(): NodeJS.ProcessEnv {
    return {
      NODE_ENV: 'test',
      // Each service with its own role (scripts/run-service.sh picks its own); tools as the owner.
      INGEST_DATABASE_URL: this.db.serviceUrl('ingest'),
      AGGREGATOR_DATABASE_URL: this.db.serviceUrl('aggregator'),
      API_DATABASE_URL: this.db.serviceUrl('api'),
      MIGRATION_DATABASE_URL: this.db.url,
      KAFKA_TOPIC_PREFIX: this.topics.prefix,
      IDENTITY_KEYS_FILE: this.identityKeysFile,
      API_PORT: String(this.apiPort),
      INGEST_HTTP_PORT: String(this.gatewayPort),
      // New agencies' topics are picked up within a second (each look lists every topic: fine
      // for a test's few agencies; the benchmark uses the production pace).
      INGEST_RESUBSCRIBE_SECONDS: '1',
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
    if (name === 'ingest') await waitFor('the gateway', () => fetch(`${this.gatewayUrl}/health`).then((r) => r.status === 200));
    return service;
  }

  service(name: ServiceName): RunningService {
    return this.services.get(name)!;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.gatewayPort}`;
  }

  /** The consumer groups of this environment's services. */
  group(service: 'ingest' | 'aggregator'): string {
    return serviceGroup(service, this.topics.prefix);
  }

  /** Onboards agencies not onboarded yet (as `npm run agency -- add` does) and returns their credentials. */
  async onboard(codes: string[]): Promise<AgencyCredentials[]> {
    const fresh = [...new Set(codes)].filter((code) => !this.credentials.has(code));
    if (fresh.length > 0) {
      const issued = await this.onboarding().add(fresh.map((code) => ({ type: agencyTypeOfCode(code) ?? 'UNKNOWN', code })));
      for (const c of issued) this.credentials.set(c.agency, c);
    }
    return codes.map((code) => this.credentials.get(code)!);
  }

  onboarding(): AgencyOnboarding {
    return new AgencyOnboarding(this.db, this.kafka, this.topics, referenceData(), {
      brokers: ['127.0.0.1:9092'],
      eventsUrl: `${this.gatewayUrl}/v1/events`,
      pki: harnessEnv(),
    });
  }

  /** Publishes each record as its agency (onboarded on first use), to that agency's own topic. */
  async publish(records: AgencyMessage[]): Promise<void> {
    const withAgency = records.map(({ as, ...r }) => ({ ...r, agency: as ?? String(r.key).split(':')[0] }));
    await this.onboard(withAgency.map((r) => r.agency));
    await this.agencyPublishers.publish(withAgency);
  }

  /** The agency's own mutual-TLS identity files (issued at onboarding). */
  agencyTls(code: string) {
    return issuedTlsFiles(agencyPrincipal(code, this.topics.prefix), harnessEnv());
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
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            if (BigInt(message.offset) >= (wanted.get(partition) ?? 0n)) return;
            messages.push({
              key: message.key,
              value: message.value,
              partition,
              offset: message.offset,
              headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.from(v as Buffer)])),
            });
            if (BigInt(messages.length) === total) resolve();
          },
        })
        .catch(reject);
      setTimeout(() => reject(new Error(`read ${messages.length} of ${total} messages from ${topic}`)), 60_000).unref();
    });
    await consumer.disconnect();
    return messages;
  }

  /** True once a consumer group has committed the end offset of every partition of the topics. */
  async caughtUp(groupId: string, topics: string | string[]): Promise<boolean> {
    const admin = await this.adminClient();
    for (const topic of [topics].flat()) {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const byPartition = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
      if (!ends.every((e) => BigInt(e.high) === 0n || byPartition.get(e.partition) === BigInt(e.high))) return false;
    }
    return true;
  }

  /** Every agency input topic of this environment. */
  async agencyInputTopics(): Promise<string[]> {
    return (await (await this.adminClient()).listTopics()).filter((t) => t.startsWith(this.topics.agencyInputPrefix));
  }

  /** Waits until ingest's consumer has been assigned every agency input topic there is now. */
  async waitUntilIngestReads(timeoutMs = 120_000): Promise<void> {
    const wanted = await this.agencyInputTopics();
    await waitFor(
      'ingest to read every agency topic',
      async () => {
        const {
          groups: [group],
        } = await (await this.adminClient()).describeGroups([this.group('ingest')]);
        const assigned = new Set(group.members.flatMap((m) => assignedTopics(m.memberAssignment)));
        return wanted.every((t) => assigned.has(t));
      },
      timeoutMs,
      250,
    );
  }

  async waitUntilIngested(timeoutMs = 300_000): Promise<boolean> {
    return waitFor('ingest to catch up', async () => this.caughtUp(this.group('ingest'), await this.agencyInputTopics()), timeoutMs, 300);
  }

  /** Waits until ingest, then the aggregator, have committed everything published so far. */
  async waitUntilProcessed(timeoutMs = 300_000): Promise<void> {
    await this.waitUntilIngested(timeoutMs);
    await waitFor('the aggregator to catch up', () => this.caughtUp(this.group('aggregator'), this.topics.accepted), timeoutMs, 300);
  }

  /** Every dead letter of this environment's agencies (each agency's rejections topic). */
  async readRejections(): Promise<RawMessage[]> {
    const topics = (await (await this.adminClient()).listTopics()).filter((t) => t.startsWith(this.topics.agencyRejectionsPrefix));
    return (await Promise.all(topics.map((t) => this.readAll(t)))).flat();
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
    await this.agencyPublishers.disconnect();
    await this.admin?.disconnect();
    const agencies = (await this.db.query<{ kafka_principal: string }>('SELECT kafka_principal FROM agency').catch(() => [])).map(
      (a) => a.kafka_principal,
    );
    await removeEnvironment(this.kafka, this.topics, agencies, harnessEnv()).catch(() => undefined);
    await this.db.drop();
    rmSync(join(this.identityKeysFile, '..'), { recursive: true, force: true });
  }

  private async adminClient(): Promise<Admin> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin;
  }
}
