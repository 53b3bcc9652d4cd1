import { Logger } from '@nestjs/common';
import { ConsumedBatch, ConsumedMessage, DeadLetter, KafkaPublisher, OutgoingRecord, topicNames } from '@mcm/kafka';
import { PersistenceError } from '@mcm/persistence';
import { AgencyEvent, IdentityCipher, IdentityKeyring, SEAL_CONTEXT, sealAcceptedEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { PositionedEvent } from './accepted-event';
import { AcceptedEventsController } from './accepted-events.controller';
import { BatchAggregator, BatchResult } from './batch-aggregator';

const cipher = IdentityCipher.withKeyring(IdentityKeyring.generate('unit'));
const PG_OUT_OF_RANGE = Object.assign(new Error('date/time field value out of range: "0000-01-01T00:00:00Z"'), { code: '22008' });

/**
 * The aggregator's transactions: each call commits all its events or none, refusing as PostgreSQL
 * does any batch holding an instant before year 1 (the poison), or failing as told.
 */
class FakeAggregator {
  committed: string[][] = [];
  calls = 0;
  failNext: unknown[] = [];

  async apply(batch: PositionedEvent[]): Promise<BatchResult> {
    this.calls += 1;
    const failure = this.failNext.shift();
    // As BatchAggregator.apply, which wraps whatever it meets.
    if (failure) throw PersistenceError.from(failure);
    if (batch.some((p) => p.event.occurredAt.startsWith('0000'))) throw PersistenceError.from(PG_OUT_OF_RANGE);
    this.committed.push(batch.map((p) => p.event.eventId));
    return { received: batch.length, new: batch.length, nationalChildrenTouched: 0, cellsRecomputed: 0, stepMs: {} };
  }
}

class FakePublisher {
  published: OutgoingRecord[] = [];
  fail?: Error;
  async publish(records: OutgoingRecord[]): Promise<void> {
    if (this.fail) throw this.fail;
    this.published.push(...records);
  }
}

let offset = 0;
function message(value: Buffer, partition = offset % 6): ConsumedMessage {
  offset += 1;
  return {
    topic: 'missing.events.accepted.v1',
    partition,
    offset: String(offset),
    timestamp: '0',
    key: Buffer.from('E23000001:C'),
    value,
    headers: {},
  };
}
const sealed = (event: AgencyEvent) => message(Buffer.from(sealAcceptedEvent(cipher, event)));
const batchOf = (messages: ConsumedMessage[]): ConsumedBatch => ({
  topic: 'missing.events.accepted.v1',
  partitions: [...new Set(messages.map((m) => m.partition))],
  messages,
  heartbeat: async () => undefined,
});
const letters = (publisher: FakePublisher) => publisher.published.map((r) => JSON.parse(String(r.value)) as DeadLetter);

describe('AcceptedEventsController', () => {
  beforeAll(() => Logger.overrideLogger(false));
  let aggregator: FakeAggregator;
  let publisher: FakePublisher;
  let controller: AcceptedEventsController;
  afterEach(() => jest.restoreAllMocks());
  beforeEach(() => {
    aggregator = new FakeAggregator();
    publisher = new FakePublisher();
    controller = new AcceptedEventsController(
      aggregator as unknown as BatchAggregator,
      publisher as unknown as KafkaPublisher,
      cipher,
      topicNames(''),
    );
  });

  const goodEvents = (n: number) => Array.from({ length: n }, (_, i) => aMissingReport({ agencyChildRef: `C-${i}`, agencyEpisodeRef: `E-${i}` }));

  it('bisects out an event the database refuses for good, dead-letters it with its reason, and commits every other event', async () => {
    const good = goodEvents(40);
    const poison = aMissingReport({ occurredAt: '0000-01-01T00:00:00Z', reportedAt: '0000-01-01T00:00:00Z', agencyChildRef: 'C-P' });
    const messages = [...good.slice(0, 23), poison, ...good.slice(23)].map((e) => sealed(e));
    await controller.onAcceptedEvents(batchOf(messages));

    expect(aggregator.committed.flat().sort()).toEqual(good.map((e) => e.eventId).sort());
    const [letter, ...others] = letters(publisher);
    expect(others).toEqual([]);
    expect(letter.reasons).toEqual([
      { path: '', code: 'AGGREGATION_DATA_EXCEPTION', message: 'SQLSTATE 22008: a value of the event is one the database cannot take' },
    ]);
    expect(letter.source).toMatchObject({ partition: messages[23].partition, offset: messages[23].offset });
    expect(publisher.published[0].headers).toMatchObject({ 'mcm-rejection-codes': 'AGGREGATION_DATA_EXCEPTION' });
    // The original as it travelled: the child still sealed, nothing opened into the dead letter.
    const original = Buffer.from(letter.originalValue!, 'base64').toString();
    expect(original).toBe(messages[23].value!.toString());
    expect(JSON.stringify(letter)).not.toMatch(/Amelia|Jones|9434765919|SW1A|2012-04-03/);
  });

  it('dead-letters several poison events of one batch, each once', async () => {
    const good = goodEvents(30);
    const poison = [0, 1, 2].map((i) => aMissingReport({ occurredAt: '0000-06-01T00:00:00Z', agencyChildRef: `P-${i}` }));
    await controller.onAcceptedEvents(batchOf([poison[0], ...good.slice(0, 10), poison[1], ...good.slice(10), poison[2]].map((e) => sealed(e))));
    expect(aggregator.committed.flat().sort()).toEqual(good.map((e) => e.eventId).sort());
    expect(letters(publisher).map((l) => JSON.parse(Buffer.from(l.originalValue!, 'base64').toString()).eventId)).toEqual(
      poison.map((e) => e.eventId),
    );
  });

  it('dead-letters what cannot be read: a tampered identity, and one that opens to something that is not an identity', async () => {
    const good = goodEvents(3);
    const tampered = JSON.parse(sealAcceptedEvent(cipher, aMissingReport()));
    tampered.sealedChild.data = Buffer.from('x'.repeat(60)).toString('base64');
    const notJson = aMissingReport();
    const { child: _child, ...rest } = notJson;
    const garbage = cipher.seal(Buffer.from('Amelia Jones not json'), SEAL_CONTEXT.acceptedEvent(notJson.eventId));
    const unreadable = { ...rest, sealedChild: { keyId: garbage.keyId, data: garbage.data.toString('base64') } };
    await controller.onAcceptedEvents(
      batchOf([
        sealed(good[0]),
        message(Buffer.from(JSON.stringify(tampered))),
        sealed(good[1]),
        message(Buffer.from(JSON.stringify(unreadable))),
        sealed(good[2]),
      ]),
    );

    expect(aggregator.calls).toBe(1);
    expect(aggregator.committed.flat().sort()).toEqual(good.map((e) => e.eventId).sort());
    expect(letters(publisher).map((l) => l.reasons[0].code)).toEqual(['SCHEMA_INVALID', 'AGGREGATION_UNREADABLE']);
    expect(JSON.stringify(letters(publisher).map((l) => l.reasons))).not.toMatch(/Amelia|Jones|not json/);
  });

  it('throws a transient failure whole: no bisection, no dead letter, so the offsets are not committed', async () => {
    aggregator.failNext = [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })];
    const poison = aMissingReport({ occurredAt: '0000-01-01T00:00:00Z' });
    const warn = jest.spyOn(Logger.prototype, 'warn');
    await expect(controller.onAcceptedEvents(batchOf([...goodEvents(5), poison].map((e) => sealed(e))))).rejects.toThrow(/ECONNREFUSED/);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/6 messages not applied \(transient, connection, ECONNREFUSED\); the batch is retried whole/),
    );
    expect(aggregator.calls).toBe(1);
    expect(publisher.published).toEqual([]);
  });

  it.each([
    ['a deadlock', { code: '40P01', message: 'deadlock detected' }],
    ['a serialization failure', { code: '40001', message: 'could not serialize access' }],
    ['the connection terminated', { message: 'Connection terminated unexpectedly' }],
  ])('stops bisecting at %s met midway, publishing nothing (the retry re-applies what committed, idempotently)', async (_name, failure) => {
    const good = goodEvents(8);
    const poison = aMissingReport({ occurredAt: '0000-01-01T00:00:00Z' });
    aggregator.failNext = [undefined, undefined, Object.assign(new Error(failure.message), failure)];
    await expect(controller.onAcceptedEvents(batchOf([...good, poison].map((e) => sealed(e))))).rejects.toThrow();
    expect(publisher.published).toEqual([]);
  });

  it('throws when the dead letters cannot be published (the broker away): the offsets stay where they were', async () => {
    publisher.fail = Object.assign(new Error('broker not available'), { name: 'KafkaJSConnectionError' });
    await expect(controller.onAcceptedEvents(batchOf([sealed(aMissingReport({ occurredAt: '0000-01-01T00:00:00Z' }))]))).rejects.toThrow(/broker/);
  });

  it('stops on an identity key it does not hold (configuration, not data): nothing dead-lettered', async () => {
    const other = IdentityCipher.withKeyring(IdentityKeyring.generate('other'));
    const event = aMissingReport();
    const warn = jest.spyOn(Logger.prototype, 'warn');
    await expect(controller.onAcceptedEvents(batchOf([message(Buffer.from(sealAcceptedEvent(other, event)))]))).rejects.toThrow(
      /not in this service's keyring/,
    );
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/not applied \(transient, unknown, identity key \S+ is not in this service's keyring\)/));
    expect(aggregator.calls).toBe(0);
    expect(publisher.published).toEqual([]);
  });
});
