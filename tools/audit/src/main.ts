import { ApiAuditRepository, migrationDatabaseUrlFromEnv, MigrationEnv, SqlSession } from '@mcm/persistence';
import { envValidator } from '@mcm/shared';
import { formatAuditEntry, parseAuditArguments, UsageError } from './audit-trail';

/**
 * `npm run audit -- [--subject S] [--before ID] [--limit N] [--json]`: the API's audit trail,
 * newest first, read with the DATABASE_URL given (the data protection officer's), else the owner's
 * (MIGRATION_DATABASE_URL): the API's own role may only insert. With --json one object a line; the next page is
 * `--before <the last id>`.
 */
async function main(argv: string[]): Promise<void> {
  const query = parseAuditArguments(argv);
  const env = envValidator(MigrationEnv)(process.env);
  const db = new SqlSession(env.DATABASE_URL || migrationDatabaseUrlFromEnv(env), 'mcm-audit-cli');
  try {
    const entries = await new ApiAuditRepository().read(db, query);
    process.stdout.write(entries.map((e) => `${formatAuditEntry(e, query.json)}\n`).join(''));
    const last = entries.at(-1);
    process.stderr.write(
      `${entries.length} record${entries.length === 1 ? '' : 's'}${last && entries.length === query.limit ? ` (older ones: --before ${last.id})` : ''}\n`,
    );
  } finally {
    await db.end();
  }
}

// Exit by exit code, not process.exit, so that a long listing into a pipe is written out in full.
main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error instanceof UsageError ? '' : 'audit: '}${error.message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
