import { readFileSync } from 'node:fs';
import {
  agencyGroupPrefix,
  agencyInputTopic,
  agencyPrincipal,
  agencyRejectionsTopic,
  ADMIN_PRINCIPAL,
  issuedTlsFiles,
  servicePrincipal,
} from '@mcm/kafka';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { harnessEnv, IsolatedPipeline, waitFor } from '../tools/harness/src';
import { consumeAttempt, forgedIdentity, produceError, rawClient, tlsOf } from './support/kafka-probes';

const A = 'E23000001'; // a police force
const B = 'E09000033'; // a council
const AUTHORIZATION = /authoriz|not host|does not exist|UNKNOWN_TOPIC|TOPIC_AUTHORIZATION|GROUP_AUTHORIZATION/i;

/**
 * The front door, attacked on the real secured broker: who can connect, write, read and join,
 * and what an event that speaks for another agency does. Each case is an attempt to break a
 * property, not a check that a setting is set.
 */
describe('agencies on the secured broker', () => {
  const pipeline = new IsolatedPipeline('sec');
  const ca = () => readFileSync(issuedTlsFiles(ADMIN_PRINCIPAL, harnessEnv()).caFile);
  const asAgency = (code: string) => rawClient(`probe-${code}`, tlsOf(pipeline.agencyTls(code)));
  const json = (event: object) => JSON.stringify(event);

  beforeAll(async () => {
    await pipeline.start(['ingest', 'aggregator']);
    await pipeline.onboard([A, B]);
  });
  afterAll(() => pipeline.stop());

  describe('a client without a valid certificate of ours', () => {
    it('cannot connect in plain text', async () => {
      const plain = rawClient('probe-plain', false);
      await expect(plain.admin().connect()).rejects.toThrow();
      expect(await produceError(plain, agencyInputTopic(A, pipeline.topics))).toBeDefined();
    });

    it('cannot complete TLS without a client certificate', async () => {
      const anonymous = rawClient('probe-anonymous', { ca: [ca()] });
      expect(await produceError(anonymous, agencyInputTopic(A, pipeline.topics))).toBeDefined();
      expect((await consumeAttempt(anonymous, 'probe-anonymous', agencyRejectionsTopic(A, pipeline.topics), 3000)).read).toBe(0);
    });

    it('cannot pass as the admin or as an agency with a certificate from another authority', async () => {
      for (const name of [ADMIN_PRINCIPAL, agencyPrincipal(A, pipeline.topics.prefix)]) {
        const forged = forgedIdentity(name);
        const impostor = rawClient(`probe-forged-${name}`, { ca: [ca()], cert: readFileSync(forged.certFile), key: readFileSync(forged.keyFile) });
        expect(await produceError(impostor, agencyInputTopic(A, pipeline.topics))).toBeDefined();
      }
    });
  });

  describe('an onboarded agency', () => {
    it('can write its own input topic', async () => {
      expect(await produceError(asAgency(A), agencyInputTopic(A, pipeline.topics), json(aMissingReport()))).toBeUndefined();
    });

    it("cannot write another agency's input, nor any internal topic", async () => {
      for (const topic of [
        agencyInputTopic(B, pipeline.topics),
        pipeline.topics.accepted,
        pipeline.topics.rejected,
        pipeline.topics.bulletins,
        agencyRejectionsTopic(A, pipeline.topics),
      ]) {
        expect({ topic, error: (await produceError(asAgency(A), topic))?.message }).toEqual({ topic, error: expect.stringMatching(AUTHORIZATION) });
      }
    });

    it("reads its own rejections, and cannot read another agency's or the accepted events", async () => {
      await pipeline.publish([{ as: B, key: `${B}:x`, value: Buffer.from('not json') }]);
      await waitFor("B's dead letter", async () => (await pipeline.readAll(agencyRejectionsTopic(B, pipeline.topics))).length > 0);
      const own = await consumeAttempt(
        asAgency(B),
        `${agencyGroupPrefix(B, pipeline.topics.prefix)}reader`,
        agencyRejectionsTopic(B, pipeline.topics),
      );
      expect(own).toEqual({ read: 1, error: undefined });
      for (const topic of [agencyRejectionsTopic(B, pipeline.topics), pipeline.topics.accepted, agencyInputTopic(A, pipeline.topics)]) {
        const attempt = await consumeAttempt(asAgency(A), `${agencyGroupPrefix(A, pipeline.topics.prefix)}thief`, topic, 4000);
        expect({ topic, read: attempt.read, error: attempt.error?.message }).toEqual({ topic, read: 0, error: expect.stringMatching(AUTHORIZATION) });
      }
    });

    it("cannot join the services' consumer groups", async () => {
      const admin = pipeline.kafka.admin();
      await admin.connect();
      for (const group of [pipeline.group('ingest'), pipeline.group('aggregator')]) {
        // The broker answers FindCoordinator with GROUP_AUTHORIZATION_FAILED, which kafkajs reports
        // as not finding the coordinator (the same client finds its own group's at once, above).
        const attempt = await consumeAttempt(asAgency(A), group, agencyRejectionsTopic(A, pipeline.topics), 4000);
        expect({ group, error: attempt.error?.message }).toEqual({
          group,
          error: expect.stringMatching(/Failed to find group coordinator|GROUP_AUTHORIZATION/),
        });
        const {
          groups: [described],
        } = await admin.describeGroups([group]);
        expect(described.members.map((m) => m.clientId)).not.toContain(`probe-${A}`);
      }
      await admin.disconnect();
    });
  });

  describe('the services', () => {
    it('only ingest may write the accepted topic: the aggregator and the API may not', async () => {
      for (const service of ['aggregator', 'api'] as const) {
        const client = rawClient(`probe-${service}`, tlsOf(issuedTlsFiles(servicePrincipal(service, pipeline.topics.prefix), harnessEnv())));
        expect((await produceError(client, pipeline.topics.accepted))?.message).toMatch(AUTHORIZATION);
      }
    });
  });

  it("dead-letters an event naming agency B sent with A's credentials as AGENCY_MISMATCH, and counts nothing", async () => {
    const forB = aMissingReport({
      agency: { type: 'LOCAL_AUTHORITY', code: B },
      setting: 'CARE',
      riskGrade: undefined,
      agencyChildRef: 'SPOOF-1',
      agencyEpisodeRef: 'SPOOF-E1',
    });
    delete (forB as { riskGrade?: string }).riskGrade;
    await pipeline.publish([{ as: A, key: `${B}:SPOOF-1`, value: Buffer.from(json(forB)) }]);
    await pipeline.waitUntilProcessed();
    const letters = (await pipeline.readAll(agencyRejectionsTopic(A, pipeline.topics))).map((m) => JSON.parse(m.value!.toString()));
    const spoof = letters.find((l) => Buffer.from(l.originalValue, 'base64').toString().includes(forB.eventId));
    expect(spoof?.reasons).toEqual([expect.objectContaining({ code: 'AGENCY_MISMATCH', path: '/agency/code' })]);
    expect(
      await pipeline.readAll(agencyRejectionsTopic(B, pipeline.topics)).then((ms) => ms.some((m) => m.value!.toString().includes(forB.eventId))),
    ).toBe(false);
    expect(await pipeline.db.query('SELECT 1 FROM agency_event WHERE event_id = $1', [forB.eventId])).toEqual([]);
  });

  it('refuses a revoked agency over Kafka within seconds, on a connection opened before the revocation too, and after it is onboarded again', async () => {
    const C = 'E23000002';
    const [credentials] = await pipeline.onboard([C]);
    const client = asAgency(C);
    const producer = client.producer({ retry: { retries: 0 } });
    await producer.connect();
    await producer.send({ topic: credentials.kafka.topic, messages: [{ value: 'before' }] });
    const revokedAt = Date.now();
    await pipeline.onboarding().revoke(C);
    await waitFor(
      'the broker to refuse the revoked agency',
      () =>
        producer.send({ topic: credentials.kafka.topic, messages: [{ value: 'after' }] }).then(
          () => false,
          () => true,
        ),
      10_000,
      100,
    );
    expect(Date.now() - revokedAt).toBeLessThan(10_000);
    await producer.disconnect();
    expect((await produceError(client, credentials.kafka.topic))?.message).toMatch(AUTHORIZATION);
    expect((await pipeline.db.query<{ status: string }>('SELECT status FROM agency WHERE code = $1', [C]))[0].status).toBe('REVOKED');

    // Onboarded again: the old key (a thief's copy) stays refused; only the new certificate works.
    pipeline.credentials.delete(C);
    const [again] = await pipeline.onboard([C]);
    expect((await produceError(client, again.kafka.topic))?.message).toMatch(AUTHORIZATION);
    expect(await produceError(asAgency(C), again.kafka.topic)).toBeUndefined();
    expect((await pipeline.db.query<{ kafka_principal: string }>('SELECT kafka_principal FROM agency WHERE code = $1', [C]))[0].kafka_principal).toBe(
      `${pipeline.topics.prefix}agency.${C}.r2`,
    );
  });
});
