import { Client } from 'pg';

export const USAGE = 'usage: npm run audit -- [--subject S] [--before ID] [--limit N (1-10000, default 100)] [--json]';

export class UsageError extends Error {}

export interface AuditQuery {
  subject?: string;
  /** Only records with an id below this (paging backwards). */
  before?: string;
  limit: number;
  json: boolean;
}

export interface AuditEntry {
  id: string;
  at: Date;
  subject: string | null;
  role: string | null;
  method: string;
  route: string;
  parameters: unknown;
  status: number;
  durationMs: number;
}

/** The command line of `npm run audit`. */
export function parseAuditArguments(argv: string[]): AuditQuery {
  const query: AuditQuery = { limit: 100, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--json') {
      query.json = true;
      continue;
    }
    const value = argv[i + 1];
    if (!['--subject', '--before', '--limit'].includes(flag)) throw new UsageError(`unknown argument ${flag}\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value\n${USAGE}`);
    i += 1;
    if (flag === '--subject') query.subject = value;
    else if (flag === '--before') {
      if (!/^[1-9]\d{0,18}$/.test(value)) throw new UsageError(`--before must be a record id (a positive integer)\n${USAGE}`);
      query.before = value;
    } else {
      const limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError(`--limit must be an integer from 1 to 10000\n${USAGE}`);
      query.limit = limit;
    }
  }
  return query;
}

/** The records, newest first. Read with the audit trail's owner's (or a reader's) connection, never the API's. */
export async function readAuditTrail(db: Pick<Client, 'query'>, query: AuditQuery): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>(
    `SELECT id::text AS id, at, subject, role, method, route, parameters, status, duration_ms AS "durationMs" FROM api_audit
      WHERE ($1::text IS NULL OR subject = $1) AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
    [query.subject ?? null, query.before ?? null, query.limit],
  );
  return rows;
}

/** One line per record: JSON, or columns for reading. */
export function formatAuditEntry(entry: AuditEntry, json: boolean): string {
  if (json) return JSON.stringify({ ...entry, at: entry.at.toISOString() });
  return [entry.id, entry.at.toISOString(), entry.subject ?? '-', entry.role ?? '-', entry.method, entry.route, entry.status, `${entry.durationMs}ms`, JSON.stringify(entry.parameters)].join('\t');
}
