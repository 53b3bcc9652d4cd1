import type { ApiAuditEntry } from '@mcm/persistence';

export const USAGE = 'usage: npm run audit -- [--subject S] [--before ID] [--limit N (1-10000, default 100)] [--json]';

export class UsageError extends Error {}

export interface AuditQuery {
  subject?: string;
  /** Only records with an id below this (paging backwards). */
  before?: string;
  limit: number;
  json: boolean;
}

/** A record of the trail (libs/persistence owns api_audit). */
export type AuditEntry = ApiAuditEntry;

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

/** One line per record: JSON, or columns for reading. */
export function formatAuditEntry(entry: AuditEntry, json: boolean): string {
  if (json) return JSON.stringify({ ...entry, at: entry.at.toISOString() });
  return [
    entry.id,
    entry.at.toISOString(),
    entry.subject ?? '-',
    entry.role ?? '-',
    entry.method,
    entry.route,
    entry.status,
    `${entry.durationMs}ms`,
    JSON.stringify(entry.parameters),
  ].join('\t');
}
