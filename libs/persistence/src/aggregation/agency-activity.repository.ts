import { Db } from './transaction';

/** One agency's accepted events in one week of reporting. */
export interface AgencyActivityCell {
  agencyCode: string;
  agencyType: string;
  weekStart: string;
  events: number;
  lagHoursSum: number;
  /** Epoch milliseconds of the latest report. */
  lastReportedAt: number;
}

/** `agency_activity`: per agency and week of reporting, for completeness. Additive: callers pass new events only. */
export class AgencyActivityRepository {
  async add(db: Db, cells: AgencyActivityCell[]): Promise<void> {
    await db.query(
      `INSERT INTO agency_activity AS a (agency_code, week_start, agency_type, events, lag_hours_sum, last_reported_at)
       SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::int[], $5::float8[], $6::timestamptz[]) ORDER BY 1, 2
       ON CONFLICT (agency_code, week_start) DO UPDATE SET
         events = a.events + excluded.events, lag_hours_sum = a.lag_hours_sum + excluded.lag_hours_sum,
         last_reported_at = greatest(a.last_reported_at, excluded.last_reported_at)`,
      [
        cells.map((r) => r.agencyCode),
        cells.map((r) => r.weekStart),
        cells.map((r) => r.agencyType),
        cells.map((r) => r.events),
        cells.map((r) => r.lagHoursSum),
        cells.map((r) => new Date(r.lastReportedAt).toISOString()),
      ],
    );
  }
}
