import { ConfigService } from '@nestjs/config';
import { ConsumedMessage } from '@mcm/kafka';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { IngestEnv } from '../config/ingest.env';
import { EventIntakeService } from './event-intake.service';

const config = { get: (key: string) => ({ MAX_EVENT_BYTES: 65536, MAX_CLOCK_SKEW_SECONDS: 300 })[key] } as unknown as ConfigService<IngestEnv, true>;
const message = (value: string | null, offset = '0'): ConsumedMessage => ({
  topic: 'missing.events.v1', partition: 0, offset, timestamp: '0', key: Buffer.from('k'), value: value === null ? null : Buffer.from(value), headers: {},
});

describe('EventIntakeService', () => {
  const intake = new EventIntakeService(config);
  const now = new Date('2026-11-23T12:00:00Z');

  it('routes valid events, normalised and keyed by agency child, and dead-letters the rest, in input order', () => {
    const event = aMissingReport({ child: { givenName: ' zoë ' } });
    const outcome = intake.triage([message(JSON.stringify(event)), message('nope', '1'), message(null, '2')], now);
    expect(outcome).toMatchObject({ accepted: 1, rejected: 2 });
    expect(outcome.records.map((r) => r.topic)).toEqual(['missing.events.accepted.v1', 'missing.events.rejected.v1', 'missing.events.rejected.v1']);
    expect(outcome.records[0].key).toBe('E23000001:MPS-C-0001');
    expect(JSON.parse(String(outcome.records[0].value)).child.givenName).toBe('ZOE');
  });
});
