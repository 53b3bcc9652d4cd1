import { RejectionReason } from '@mcm/shared';
import { Queryable } from './agency-register.repository';

export interface AgencyRejection {
  agencyCode: string;
  /** Where the rejected message was: `kafka:<topic>/<partition>/<offset>` or `http:<request>/<index>`; unique, so a replay adds nothing. */
  source: string;
  eventId: string | null;
  rejectedAt: Date;
  /** Path, code and message only: reasons never repeat the values sent. */
  reasons: RejectionReason[];
}

export interface AgencyRejectionPage {
  rejections: { id: string; rejectedAt: string; eventId: string | null; reasons: RejectionReason[] }[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}

/** Each agency's own record of what it sent that was rejected, for it to read and fix. */
export class AgencyRejectionRepository {
  async record(db: Queryable, rejections: AgencyRejection[]): Promise<void> {
    if (rejections.length === 0) return;
    await db.query(
      `INSERT INTO agency_rejection (agency_code, source, event_id, rejected_at, reasons)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::timestamptz[], $5::jsonb[])
       ON CONFLICT (source) DO NOTHING`,
      [
        rejections.map((r) => r.agencyCode),
        rejections.map((r) => r.source),
        rejections.map((r) => r.eventId),
        rejections.map((r) => r.rejectedAt.toISOString()),
        rejections.map((r) => JSON.stringify(r.reasons)),
      ],
    );
  }

  /** One agency's rejections, oldest first, after the cursor `after` (an id from an earlier page). */
  async page(db: Queryable, agencyCode: string, after: string | undefined, limit: number): Promise<AgencyRejectionPage> {
    const rows: { id: string; rejected_at: Date; event_id: string | null; reasons: RejectionReason[] }[] = await db.query(
      `SELECT id::text, rejected_at, event_id::text, reasons FROM agency_rejection
        WHERE agency_code = $1 AND id > $2::bigint ORDER BY id LIMIT $3`,
      [agencyCode, after ?? '0', limit + 1],
    );
    const shown = rows.slice(0, limit);
    return {
      rejections: shown.map((r) => ({ id: r.id, rejectedAt: r.rejected_at.toISOString(), eventId: r.event_id, reasons: r.reasons })),
      next: rows.length > limit ? shown[shown.length - 1].id : null,
    };
  }
}
