import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { agencyEventJsonSchema, SCHEMA_FILE } from './json-schema';

describe('committed JSON Schema', () => {
  it('is exactly what the TypeBox definition produces (run `npm run contract:schema` after changing it)', () => {
    const committed = readFileSync(resolve(__dirname, '../../..', SCHEMA_FILE), 'utf8');
    expect(committed).toBe(agencyEventJsonSchema());
  });
  it('describes every event kind and requires the idempotency key', () => {
    const schema = JSON.parse(agencyEventJsonSchema());
    expect(schema.required).toEqual(
      expect.arrayContaining(['eventId', 'schemaVersion', 'kind', 'setting', 'agency', 'occurredAt', 'reportedAt', 'child']),
    );
    expect(schema.properties.kind.anyOf.map((k: { const: string }) => k.const)).toEqual([
      'MISSING_REPORTED',
      'RETURNED',
      'EPISODE_CORRECTED',
      'REPORT_WITHDRAWN',
    ]);
  });
});
