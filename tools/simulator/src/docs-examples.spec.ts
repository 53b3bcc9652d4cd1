import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_EVENT_BYTES, REJECTION_CODES, referenceData, validateEvent } from '@mcm/shared';

/** docs/events.md is for agencies: its examples must be accepted, and its code table complete. */
describe('docs/events.md', () => {
  const text = readFileSync(join(__dirname, '../../../docs/events.md'), 'utf8');
  const examples = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as unknown);
  const options = {
    reference: referenceData(),
    now: new Date('2025-06-01T12:00:00Z'),
    maxClockSkewMs: 300_000,
    maxEventBytes: DEFAULT_MAX_EVENT_BYTES,
  };

  it('has four examples, one per kind, each accepted by validation', () => {
    expect(examples.map((e) => (e as { kind: string }).kind)).toEqual(['MISSING_REPORTED', 'RETURNED', 'EPISODE_CORRECTED', 'REPORT_WITHDRAWN']);
    for (const example of examples) expect(validateEvent(example, options)).toMatchObject({ ok: true });
  });

  it('describes every rejection code', () => {
    for (const code of REJECTION_CODES) expect(text).toContain(`| \`${code}\` |`);
  });
});
