import { DataSource } from 'typeorm';
import { SqlSession } from '../sql-session';

/** One API request as the audit trail records it (no bodies, no headers). */
export interface ApiAuditRow {
  at: Date;
  subject: string | null;
  role: string | null;
  method: string;
  route: string;
  parameters: unknown;
  status: number;
  durationMs: number;
}

/** A stored record, as its readers see it. */
export interface ApiAuditEntry extends ApiAuditRow {
  id: string;
}

/** Which records to read: by subject, below an id (paging backwards), at most `limit`. */
export interface ApiAuditFilter {
  subject?: string;
  before?: string;
  limit: number;
}

/**
 * The api_audit table: append-only (a trigger refuses UPDATE, DELETE, TRUNCATE) and write-only for
 * the API's role, so one INSERT per batch, without RETURNING.
 */
export class ApiAuditRepository {
  async append(db: DataSource, rows: readonly ApiAuditRow[]): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO api_audit (at, subject, role, method, route, parameters, status, duration_ms)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int[], $8::int[])`,
      [
        rows.map((r) => r.at),
        rows.map((r) => r.subject),
        rows.map((r) => r.role),
        rows.map((r) => r.method),
        rows.map((r) => r.route),
        rows.map((r) => JSON.stringify(r.parameters)),
        rows.map((r) => r.status),
        rows.map((r) => r.durationMs),
      ],
    );
  }

  /** Records newest first. Read with the owner's (or a reader's) connection: the API's role may only insert. */
  read(db: SqlSession, filter: ApiAuditFilter): Promise<ApiAuditEntry[]> {
    return db.query<ApiAuditEntry>(
      `SELECT id::text AS id, at, subject, role, method, route, parameters, status, duration_ms AS "durationMs" FROM api_audit
        WHERE ($1::text IS NULL OR subject = $1) AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [filter.subject ?? null, filter.before ?? null, filter.limit],
    );
  }
}
