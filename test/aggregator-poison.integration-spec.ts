import { createKafka, DeadLetter, KafkaPublisher, kafkaSettingsFromEnv, OutgoingRecord, servicePrincipal } from '@mcm/kafka';
import { serviceRole, SqlSession } from '@mcm/persistence';
import { AgencyEvent, IdentityCipher, normaliseEvent, readKeyringFile, SEAL_CONTEXT, sealAcceptedEvent } from '@mcm/shared';
import { generateScenario, Scenario } from '../tools/simulator/src';
import { harnessEnv, IsolatedPipeline, RawMessage, waitFor } from '../tools/harness/src';
import { AggregatorHarness } from './support/aggregator-harness';
import { IncidenceRow, readIncidence, snapshot } from './support/incidence';

type SimEvent = Scenario['events'][number];

/**
 * One poison event no longer stalls the aggregator (issue 12): events that pass the consumer's
 * reading but that PostgreSQL refuses for good, or that cannot be read, published onto the
 * accepted topic among good events across its six partitions, are dead-lettered with their reason
 * while every good event is counted and every partition goes on. A transient failure (the
 * aggregator's connection terminated mid-batch) is retried and dead-letters nothing.
 */
describe('a poison event on the accepted topic (real broker and database)', () => {
  // The linker is pinned: the control below (figures of the good events alone) links deterministically.
  const pipeline = new IsolatedPipeline('poison', { LINKER: 'deterministic' });
  const scenario = generateScenario({ seed: 77, children: 200, days: 90, now: new Date() });
  const good = scenario.events.filter((e): e is SimEvent & { event: AgencyEvent } => e.valid && e.event !== null);
  const cut = (k: number) => Math.floor((k * good.length) / 3);
  const thirds = [good.slice(0, cut(1)), good.slice(cut(1), cut(2)), good.slice(cut(2))];
  let cipher: IdentityCipher;
  let ingest: KafkaPublisher;

  /** An event as ingest would put it on the accepted topic: normalised, its child sealed. */
  const accepted = (e: SimEvent & { event: AgencyEvent }): OutgoingRecord => ({
    topic: pipeline.topics.accepted,
    key: e.key,
    value: sealAcceptedEvent(cipher, normaliseEvent(e.event)),
  });

  // Each poison carries the key of a real child, so it lands among good events of its partition.
  const poison = () => {
    const like = (i: number) => good[Math.floor((i * good.length) / 10)];
    // Passes the contract's schema (year 0000 is on the calendar) but not PostgreSQL (22008).
    const outOfRange = {
      ...normaliseEvent(like(1).event),
      eventId: '0b5f2c9e-1d7a-4c2b-9f3e-5a6b7c8d9e01',
      occurredAt: '0000-01-01T00:00:00Z',
      reportedAt: '0000-01-01T00:00:00Z',
    };
    // A sealed identity altered in transit: it fails authentication.
    const tampered = JSON.parse(sealAcceptedEvent(cipher, { ...normaliseEvent(like(2).event), eventId: '0b5f2c9e-1d7a-4c2b-9f3e-5a6b7c8d9e02' }));
    tampered.sealedChild.data = Buffer.from(tampered.sealedChild.data, 'base64').reverse().toString('base64');
    // Sealed with the right key, but what it seals is not an identity (a sealing bug upstream).
    const { child: _child, ...rest } = { ...normaliseEvent(like(3).event), eventId: '0b5f2c9e-1d7a-4c2b-9f3e-5a6b7c8d9e03' };
    const garbage = cipher.seal(Buffer.from('not an identity'), SEAL_CONTEXT.acceptedEvent(rest.eventId));
    const unreadable = { ...rest, sealedChild: { keyId: garbage.keyId, data: garbage.data.toString('base64') } };
    return [
      {
        at: 10,
        code: 'AGGREGATION_DATA_EXCEPTION',
        record: { topic: pipeline.topics.accepted, key: like(1).key, value: sealAcceptedEvent(cipher, outOfRange) },
      },
      { at: 40, code: 'SCHEMA_INVALID', record: { topic: pipeline.topics.accepted, key: like(2).key, value: JSON.stringify(tampered) } },
      { at: 70, code: 'AGGREGATION_UNREADABLE', record: { topic: pipeline.topics.accepted, key: like(3).key, value: JSON.stringify(unreadable) } },
    ];
  };

  const caughtUp = () =>
    waitFor('the aggregator to catch up', () => pipeline.caughtUp(pipeline.group('aggregator'), pipeline.topics.accepted), 300_000, 300);
  const deadLetters = async () =>
    (await pipeline.readAll(pipeline.topics.rejected)).map((m: RawMessage) => ({
      message: m,
      letter: JSON.parse(m.value!.toString()) as DeadLetter,
    }));
  /** The figures of the good events alone, applied in-process in one go: what the poison must not change. */
  const figuresOfGoodEvents = async (events: (SimEvent & { event: AgencyEvent })[]): Promise<IncidenceRow[]> => {
    const control = await new AggregatorHarness().start();
    try {
      await control.apply(
        events.map((e) => normaliseEvent(e.event)),
        100_000,
      );
      return await control.incidence();
    } finally {
      await control.stop();
    }
  };
  const storedEventIds = async () =>
    (await pipeline.db.query<{ id: string }>('SELECT event_id::text AS id FROM agency_event ORDER BY 1')).map((r) => r.id);

  beforeAll(async () => {
    await pipeline.start(['aggregator']);
    cipher = IdentityCipher.withKeyring(readKeyringFile(pipeline.identityKeysFile));
    // As ingest, the only principal that may write the accepted topic.
    ingest = new KafkaPublisher(
      createKafka(kafkaSettingsFromEnv(`poison-${pipeline.id}-ingest`, servicePrincipal('ingest', pipeline.topics.prefix), harnessEnv())),
    );
    await ingest.connect();
  });
  afterAll(async () => {
    await ingest?.disconnect();
    await pipeline.stop();
  });

  it('dead-letters each poison with its reason, counts every good event, and every partition goes on past its poison', async () => {
    const records = thirds[0].map(accepted);
    const poisons = poison();
    for (const p of [...poisons].reverse()) records.splice(Math.floor((p.at * records.length) / 100), 0, p.record);
    await ingest.publish(records);
    await caughtUp();

    const onTopic = await pipeline.readAll(pipeline.topics.accepted);
    expect(new Set(onTopic.map((m) => m.partition)).size).toBe(6);
    expect(await storedEventIds()).toEqual(thirds[0].map((e) => e.event.eventId).sort());

    const letters = await deadLetters();
    expect(letters.map((l) => l.letter.reasons.map((r) => r.code)).sort()).toEqual(poisons.map((p) => [p.code]).sort());
    for (const { message, letter } of letters) {
      const original = onTopic.find((m) => m.partition === letter.source.partition && m.offset === letter.source.offset)!;
      // The original bytes as they travelled, the identity still sealed; its position; its key.
      expect(Buffer.from(letter.originalValue!, 'base64')).toEqual(original.value);
      expect(letter.source.topic).toBe(pipeline.topics.accepted);
      expect(message.key).toEqual(original.key);
      expect(message.headers['mcm-rejection-codes'].toString()).toBe(letter.reasons[0].code);
      // Nothing of the event in the reason: no value, no identity.
      expect(letter.reasons[0].message).not.toMatch(/0000|"|E\d{8}|@/);
      expect(Buffer.from(letter.originalValue!, 'base64').toString()).not.toMatch(/givenName|familyName|nhsNumber|dateOfBirth|homePostcode/);
      // The partition went on: good events after the poison's offset were applied.
      const [{ n }] = await pipeline.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM agency_event WHERE source_partition = $1 AND source_offset > $2',
        [letter.source.partition, letter.source.offset],
      );
      expect(Number(n)).toBeGreaterThan(0);
    }
    expect(letters.find((l) => l.letter.reasons[0].code === 'AGGREGATION_DATA_EXCEPTION')!.letter.reasons[0].message).toMatch(/^SQLSTATE 22008: /);
    expect(pipeline.service('aggregator').output()).toContain('bisected');
  });

  it('keeps consuming: later events are all counted, the figures are exactly those of the good events', async () => {
    await ingest.publish(thirds[1].map(accepted));
    await caughtUp();
    expect(await storedEventIds()).toEqual([...thirds[0], ...thirds[1]].map((e) => e.event.eventId).sort());
    expect(await readIncidence(pipeline.db)).toEqual(await figuresOfGoodEvents([...thirds[0], ...thirds[1]]));
  });

  it('retries a transient failure (its database connection terminated mid-batch): nothing dead-lettered, nothing lost', async () => {
    const superuser = new SqlSession(`${process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432'}/${pipeline.db.name}`);
    const holder = new SqlSession(pipeline.db.url);
    try {
      // Hold the aggregator's writer lock, so its next batch waits inside its transaction...
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('mcm.aggregator.writer'))`);
      await ingest.publish(thirds[2].map(accepted));
      const waiting = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND usename = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory'`;
      await waitFor(
        'a batch waiting for the writer lock',
        async () => (await superuser.query(waiting, [serviceRole('aggregator')])).length > 0,
        120_000,
        100,
      );
      // ...and terminate its connection there: the batch fails with 57P01 / connection terminated.
      const rows = await superuser.query<{ done: boolean }>(`SELECT pg_terminate_backend(pid) AS done FROM (${waiting}) w`, [
        serviceRole('aggregator'),
      ]);
      expect(rows.every((r) => r.done)).toBe(true);
      await waitFor(
        'the transient failure to be logged',
        async () => /not applied \(transient, (shutdown|connection), /.test(pipeline.service('aggregator').output()),
        60_000,
        100,
      );
    } finally {
      await holder.query('COMMIT');
      await holder.end();
      await superuser.end();
    }
    await caughtUp();
    expect(pipeline.service('aggregator').output()).toMatch(/handling failed .*; retry 1: restarting from the committed offsets in \d+ ms/);
    expect(await storedEventIds()).toEqual(good.map((e) => e.event.eventId).sort());
    expect(await readIncidence(pipeline.db)).toEqual(await figuresOfGoodEvents(good));
    expect(await deadLetters()).toHaveLength(3);
  });

  it('gives the same database on a replay from offset 0, the poison dead-lettered again', async () => {
    const before = await snapshot(pipeline.db);
    await pipeline.service('aggregator').kill('SIGTERM');
    const groupId = pipeline.group('aggregator');
    await waitFor('the group to be empty', () => pipeline.resetGroupToStart(groupId, pipeline.topics.accepted).then(() => true), 60_000, 1000);
    await pipeline.startService('aggregator');
    await caughtUp();
    expect(await snapshot(pipeline.db)).toEqual(before);
    const letters = await deadLetters();
    expect(letters).toHaveLength(6);
    const positions = letters.map((l) => `${l.letter.source.partition}/${l.letter.source.offset}`);
    expect(new Set(positions).size).toBe(3);
  });
});
