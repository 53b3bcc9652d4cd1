import { EntityManager } from 'typeorm';

/**
 * What the release rule needs from the database (libs/bulletin `weekCompleteness`): each recently
 * active agency's latest report, and the data's horizon. Read by the bulletin job and the API alike.
 */
export class ReleaseStatusRepository {
  /** The latest reportedAt of every agency that reported on or after `since` (agency_activity is per week of report). */
  async latestReports(db: EntityManager, since: Date): Promise<Date[]> {
    const rows: { latest: Date }[] = await db.query(
      `SELECT max(last_reported_at) AS latest FROM agency_activity
        WHERE week_start >= ($1::timestamptz AT TIME ZONE 'Europe/London')::date - 7 GROUP BY agency_code HAVING max(last_reported_at) >= $1::timestamptz`,
      [since],
    );
    return rows.map((r) => new Date(r.latest));
  }

  /**
   * The week of the latest report received (week commencing), or null before any: figures of later
   * weeks are not known, and "open at week end" is not computed for them (docs/STATISTICS.md).
   */
  async horizonWeek(db: EntityManager): Promise<string | null> {
    const [row]: { week: string | null }[] = await db.query('SELECT max(week_start)::text AS week FROM agency_activity');
    return row.week;
  }
}
