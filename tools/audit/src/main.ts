import { migrationDatabaseUrlFromEnv, MigrationEnv } from '@mcm/persistence';
import { envValidator } from '@mcm/shared';
import { Client } from 'pg';
import { formatAuditEntry, parseAuditArguments, readAuditTrail, UsageError } from './audit-trail';

/**
 * `npm run audit -- [--subject S] [--before ID] [--limit N] [--json]`: the API's audit trail,
 * newest first, read with the DATABASE_URL given (the data protection officer's), else the owner's
 * (MIGRATION_DATABASE_URL): the API's own role may only insert. With --json one object a line; the next page is
 * `--before <the last id>`.
 */
async function main(argv: string[]): Promise<void> {
  const query = parseAuditArguments(argv);
  const env = envValidator(MigrationEnv)(process.env);
  const db = new Client({ connectionString: env.DATABASE_URL || migrationDatabaseUrlFromEnv(env), application_name: 'mcm-audit-cli' });
  await db.connect();
  try {
    const entries = await readAuditTrail(db, query);
    process.stdout.write(entries.map((e) => `${formatAuditEntry(e, query.json)}\n`).join(''));
    const last = entries.at(-1);
    process.stderr.write(`${entries.length} record${entries.length === 1 ? '' : 's'}${last && entries.length === query.limit ? ` (older ones: --before ${last.id})` : ''}\n`);
  } finally {
    await db.end();
  }
}

// Exit by exit code, not process.exit, so that a long listing into a pipe is written out in full.
main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error instanceof UsageError ? '' : 'audit: '}${error.message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
