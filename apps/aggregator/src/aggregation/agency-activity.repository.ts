import { weekCommencing } from '@mcm/shared';
import { EntityManager } from 'typeorm';
import { PositionedEvent } from './accepted-event';

/**
 * Per agency and week of reporting: accepted events and their reporting lag, for the bulletin's
 * completeness notes. Additive over new events only, so replays change nothing.
 */
export class AgencyActivityRepository {
  async record(db: EntityManager, fresh: PositionedEvent[]): Promise<void> {
    const cells = new Map<string, { code: string; type: string; week: string; events: number; lagHours: number; last: number }>();
    for (const { event: e } of fresh) {
      const reported = Date.parse(e.reportedAt);
      const week = weekCommencing(new Date(reported));
      const key = `${e.agency.code}|${week}`;
      const cell = cells.get(key) ?? { code: e.agency.code, type: e.agency.type, week, events: 0, lagHours: 0, last: 0 };
      cell.events++;
      cell.lagHours += Math.max(0, reported - Date.parse(e.occurredAt)) / 3_600_000;
      cell.last = Math.max(cell.last, reported);
      cells.set(key, cell);
    }
    const rows = [...cells.values()];
    await db.query(
      `INSERT INTO agency_activity AS a (agency_code, week_start, agency_type, events, lag_hours_sum, last_reported_at)
       SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::int[], $5::float8[], $6::timestamptz[]) ORDER BY 1, 2
       ON CONFLICT (agency_code, week_start) DO UPDATE SET
         events = a.events + excluded.events, lag_hours_sum = a.lag_hours_sum + excluded.lag_hours_sum,
         last_reported_at = greatest(a.last_reported_at, excluded.last_reported_at)`,
      [rows.map((r) => r.code), rows.map((r) => r.week), rows.map((r) => r.type), rows.map((r) => r.events),
        rows.map((r) => r.lagHours), rows.map((r) => new Date(r.last).toISOString())],
    );
  }
}
