import { chunksUnder } from './publisher';
import { deadLetterRecord } from './dead-letter';
import { topicNames } from './topics';

describe('chunksUnder', () => {
  const record = (bytes: number) => ({ topic: 't', key: 'k', value: Buffer.alloc(bytes) });
  it('cuts requests so no partition batch can pass the broker limit, keeping every record once', () => {
    const records = Array.from({ length: 50 }, () => record(100_000));
    const chunks = [...chunksUnder(records, 768 * 1024)];
    expect(chunks.flat()).toEqual(records);
    for (const chunk of chunks) expect(chunk.reduce((n, r) => n + (r.value?.length ?? 0), 0)).toBeLessThanOrEqual(768 * 1024);
  });
  it('sends a record larger than the limit on its own', () => {
    const chunks = [...chunksUnder([record(10), record(2_000_000), record(10)], 768 * 1024)];
    expect(chunks.map((c) => c.length)).toEqual([1, 1, 1]);
  });
});

describe('deadLetterRecord', () => {
  it('keeps the original bytes, key, headers and position, and lists the codes in a header', () => {
    const message = {
      topic: 'missing.events.v1',
      partition: 2,
      offset: '41',
      timestamp: '1795400000000',
      key: Buffer.from('E23000001:C1'),
      value: Buffer.from([0xff, 0x00]),
      headers: { trace: Buffer.from('abc') },
    };
    const reasons = [{ path: '', code: 'NOT_UTF8' as const, message: 'not UTF-8' }];
    const record = deadLetterRecord(message, reasons, new Date('2026-11-23T00:00:00Z'), topicNames('').rejected);
    expect(record.topic).toBe('missing.events.rejected.v1');
    expect(record.headers).toEqual({ 'mcm-rejection-codes': 'NOT_UTF8', 'mcm-source': 'missing.events.v1/2/41' });
    const letter = JSON.parse(String(record.value));
    expect(Buffer.from(letter.originalValue, 'base64')).toEqual(message.value);
    expect(Buffer.from(letter.originalHeaders.trace, 'base64').toString()).toBe('abc');
    expect(letter).toMatchObject({
      originalKey: message.key.toString('base64'),
      source: { topic: 'missing.events.v1', partition: 2, offset: '41' },
      reasons,
      rejectedAt: '2026-11-23T00:00:00.000Z',
    });
  });
});
