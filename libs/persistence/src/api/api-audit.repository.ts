import { DataSource } from 'typeorm';

/** One API request as the audit trail records it (no bodies, no headers). */
export interface ApiAuditRow {
  at: Date; subject: string | null; role: string | null; method: string; route: string; parameters: unknown; status: number; durationMs: number;
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
      [rows.map((r) => r.at), rows.map((r) => r.subject), rows.map((r) => r.role), rows.map((r) => r.method), rows.map((r) => r.route),
        rows.map((r) => JSON.stringify(r.parameters)), rows.map((r) => r.status), rows.map((r) => r.durationMs)],
    );
  }
}
