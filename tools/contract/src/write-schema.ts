import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { agencyEventJsonSchema, SCHEMA_FILE } from './json-schema';

const target = resolve(__dirname, '../../../..', SCHEMA_FILE);
writeFileSync(target, agencyEventJsonSchema());
process.stdout.write(`wrote ${target}\n`);
