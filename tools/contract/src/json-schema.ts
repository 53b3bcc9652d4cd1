import { AgencyEventSchema } from '@mcm/shared';

/** The committed JSON Schema file, derived from the one TypeBox definition. */
export const SCHEMA_FILE = 'libs/shared/schema/agency-event.v1.json';

export function agencyEventJsonSchema(): string {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(AgencyEventSchema)) };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
