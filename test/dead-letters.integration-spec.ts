import { agencyInputTopic } from '@mcm/kafka';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { IsolatedPipeline } from '../tools/harness/src';
import { waitFor } from '../tools/harness/src';

/** Every kind of bad input ends in the sender's rejections topic with its reasons; consumption goes on. */
describe('dead letters (real broker)', () => {
  const pipeline = new IsolatedPipeline();
  beforeAll(() => pipeline.start(['ingest']));
  afterAll(() => pipeline.stop());

  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const bad: [string, Buffer | null, string][] = [
    ['empty', null, 'EMPTY'],
    ['not UTF-8', Buffer.from([0xc3, 0x28, 0xff]), 'NOT_UTF8'],
    ['not JSON', Buffer.from('{"eventId": oops'), 'NOT_JSON'],
    ['a JSON array', Buffer.from('[]'), 'NOT_AN_OBJECT'],
    ['an unknown schema version', json({ ...aMissingReport(), schemaVersion: 9 }), 'UNKNOWN_SCHEMA_VERSION'],
    ['a schema violation', json({ ...aMissingReport(), setting: 'STREET' }), 'SCHEMA_ENUM'],
    ['a bad NHS number', json(aMissingReport({ child: { nhsNumber: '0000000001' } })), 'NHS_NUMBER_CHECK_DIGIT'],
    ['an unknown police force', json(aMissingReport({ agency: { type: 'POLICE', code: 'E23999999' } })), 'UNKNOWN_POLICE_FORCE'],
    ['a person of 19', json(aMissingReport({ child: { dateOfBirth: '2007-01-01' } })), 'CHILD_NOT_UNDER_18'],
    ['a future timestamp', json(aMissingReport({ occurredAt: '2099-01-01T00:00:00Z', reportedAt: '2099-01-01T00:00:00Z' })), 'TIMESTAMP_IN_FUTURE'],
    ['a return before its start', json(aMissingReport({ kind: 'RETURNED', missingSince: '2026-11-11T00:00:00Z' })), 'RETURN_BEFORE_START'],
    ['an oversized event', json({ ...aMissingReport(), padding: 'x'.repeat(200 * 1024) }), 'OVERSIZED'],
  ];

  it('dead-letters each with its original bytes, headers, position and reasons, and accepts the valid events around them', async () => {
    const valid = [aMissingReport(), aMissingReport({ agencyChildRef: 'C-2', agencyEpisodeRef: 'E-2' })];
    // All sent by the agency the events name (a police force that gets them wrong).
    await pipeline.publish(
      [
        { key: 'k-valid-1', value: json(valid[0]) },
        ...bad.map(([name, value], i) => ({ key: `k-bad-${i}`, value: value as Buffer, headers: { 'test-case': name } })),
        { key: 'k-valid-2', value: json(valid[1]) },
      ].map((r) => ({ ...r, as: 'E23000001' })),
    );
    await pipeline.waitUntilIngested();
    const rejected = await waitFor('every dead letter', async () => {
      const all = await pipeline.readRejections();
      return all.length >= bad.length ? all : undefined;
    });
    expect(rejected).toHaveLength(bad.length);
    for (const [i, [name, original, code]] of bad.entries()) {
      const message = rejected.find((m) => m.key?.toString() === `k-bad-${i}`);
      expect(message).toBeDefined();
      const letter = JSON.parse(message!.value!.toString());
      expect({ name, codes: letter.reasons.map((r: { code: string }) => r.code) }).toEqual({ name, codes: expect.arrayContaining([code]) });
      for (const reason of letter.reasons)
        expect(reason).toEqual({ path: expect.any(String), code: expect.any(String), message: expect.any(String) });
      expect(letter.originalValue === null ? null : Buffer.from(letter.originalValue, 'base64')).toEqual(original);
      expect(Buffer.from(letter.originalHeaders['test-case'], 'base64').toString()).toBe(name);
      expect(letter.source).toEqual({
        topic: agencyInputTopic('E23000001', pipeline.topics),
        partition: expect.any(Number),
        offset: expect.stringMatching(/^\d+$/),
        timestamp: expect.any(String),
      });
      expect(message!.headers['mcm-rejection-codes'].toString()).toContain(code);
    }
    const accepted = await pipeline.readAll(pipeline.topics.accepted);
    expect(accepted.map((m) => JSON.parse(m.value!.toString()).eventId).sort()).toEqual(valid.map((e) => e.eventId).sort());
  });
});
