import { ConfigService } from '@nestjs/config';
import { ConsumedMessage, topicNames } from '@mcm/kafka';
import { IdentityCipher, IdentityKeyring, openAcceptedEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { IngestEnv } from '../config/ingest.env';
import { EventIntakeService } from './event-intake.service';

const config = { get: (key: string) => ({ MAX_EVENT_BYTES: 65536, MAX_CLOCK_SKEW_SECONDS: 300 })[key] } as unknown as ConfigService<IngestEnv, true>;
const item = (value: string | null, offset = '0', sender = 'E23000001') => {
  const message: ConsumedMessage = {
    topic: `missing.events.v1.${sender}`,
    partition: 0,
    offset,
    timestamp: '0',
    key: Buffer.from('k'),
    value: value === null ? null : Buffer.from(value),
    headers: {},
  };
  return { message, sender, source: `kafka:${message.topic}/0/${offset}` };
};

describe('EventIntakeService', () => {
  const cipher = IdentityCipher.withKeyring(IdentityKeyring.generate());
  const intake = new EventIntakeService(config, cipher, topicNames(''));
  const now = new Date('2026-11-23T12:00:00Z');

  it("routes valid events, normalised and keyed by agency child, and dead-letters the rest to the sender's rejections, in input order", () => {
    const event = aMissingReport({ child: { givenName: ' zoë ' } });
    const outcome = intake.triage([item(JSON.stringify(event)), item('nope', '1'), item(null, '2')], now);
    expect(outcome).toMatchObject({ accepted: 1, rejected: 2 });
    expect(outcome.records.map((r) => r.topic)).toEqual([
      'missing.events.accepted.v1',
      'missing.rejections.v1.E23000001',
      'missing.rejections.v1.E23000001',
    ]);
    expect(outcome.records[0].key).toBe('E23000001:MPS-C-0001');
    expect(outcome.records[0].headers).toEqual({ 'mcm-source': 'kafka:missing.events.v1.E23000001/0/0' });
    // The child travels sealed: not in the message's text, and opened only with the key.
    const value = Buffer.from(String(outcome.records[0].value));
    expect(JSON.parse(value.toString()).child).toBeUndefined();
    // Quotes never occur in base64: a name or field in clear would show with them.
    expect(value.toString()).not.toContain('"ZOE"');
    expect(value.toString()).not.toContain('"givenName"');
    expect(openAcceptedEvent(cipher, value)?.child.givenName).toBe('ZOE');
    // Another key under the same id fails authentication (dead-lettered); a missing key id stops the batch.
    expect(openAcceptedEvent(IdentityCipher.withKeyring(IdentityKeyring.generate(cipher.activeKeyId)), value)).toBeNull();
    expect(() => openAcceptedEvent(IdentityCipher.withKeyring(IdentityKeyring.generate('other')), value)).toThrow(/not in this service's keyring/);
    expect(outcome.rejections.map((r) => [r.agencyCode, r.source, r.reasons[0].code])).toEqual([
      ['E23000001', 'kafka:missing.events.v1.E23000001/0/1', 'NOT_JSON'],
      ['E23000001', 'kafka:missing.events.v1.E23000001/0/2', 'EMPTY'],
    ]);
  });

  it('dead-letters a valid event that names another agency than its sender as AGENCY_MISMATCH, with its eventId', () => {
    const event = aMissingReport({ agency: { type: 'POLICE', code: 'E23000002' } });
    const outcome = intake.triage([item(JSON.stringify(event), '7', 'E23000001')], now);
    expect(outcome.accepted).toBe(0);
    expect(outcome.outcomes).toEqual([
      { status: 'rejected', eventId: event.eventId, reasons: [expect.objectContaining({ code: 'AGENCY_MISMATCH', path: '/agency/code' })] },
    ]);
    expect(outcome.records.map((r) => r.topic)).toEqual(['missing.rejections.v1.E23000001']);
  });

  it('never repeats the value sent in a reason (a malformed date of birth, broken JSON)', () => {
    const event = aMissingReport({ child: { dateOfBirth: '2013-13-07', givenName: 'Zelda' } });
    const broken = JSON.stringify(event).slice(0, 200);
    const outcome = intake.triage([item(JSON.stringify(event)), item(broken, '1')], now);
    const text = JSON.stringify(outcome.rejections.map((r) => r.reasons));
    expect(text).not.toContain('2013-13-07');
    expect(text).not.toContain('Zelda');
  });
});
