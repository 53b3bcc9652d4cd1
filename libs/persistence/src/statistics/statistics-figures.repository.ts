import { addWeeks, isoWeekLabel, weekStartOfLabel } from '@mcm/shared';
import { EntityManager } from 'typeorm';

export interface IncidenceFigures { setting: string; area: string; children: number; started: number; ended: number; open: number }
export interface BreakdownFigures { dimension: string; category: string; children: number; episodes: number }
export interface RevisionFigures { weekStart: string; setting: string; area: string; measure: string; oldValue: number; newValue: number; changedAt: Date; reason: string }
export interface AgencyFigures { agencyCode: string; agencyType: string; lastReportedAt: Date | null; eventsThisWeek: number; eventsBefore: number; weeksBefore: number; lagHours: number | null }

/** Reads published-statistics figures (bulletins, the API); every query is bounded by week, so history size barely matters. */
export class StatisticsFiguresRepository {
  async incidence(db: EntityManager, weekStarts: string[], areas: 'national' | 'all'): Promise<Map<string, IncidenceFigures[]>> {
    const rows: { week_start: string; setting: string; la_code: string; children: number; episodes_started: number; episodes_ended: number; open_at_week_end: number }[] =
      await db.query(
        `SELECT week_start::text, setting, la_code, children, episodes_started, episodes_ended, open_at_week_end
           FROM weekly_incidence WHERE week_start = ANY($1::date[]) ${areas === 'national' ? "AND la_code = 'ALL'" : ''}`,
        [weekStarts],
      );
    const byWeek = new Map<string, IncidenceFigures[]>(weekStarts.map((w) => [w, []]));
    for (const r of rows) {
      byWeek.get(r.week_start)!.push({ setting: r.setting, area: r.la_code, children: r.children, started: r.episodes_started, ended: r.episodes_ended, open: r.open_at_week_end });
    }
    return byWeek;
  }

  breakdowns(db: EntityManager, weekStart: string): Promise<BreakdownFigures[]> {
    return db.query(
      `SELECT dimension, category, children, episodes FROM weekly_breakdown
        WHERE week_start = $1::date AND setting = 'ALL' AND area_code = 'ALL' ORDER BY dimension, category`,
      [weekStart],
    );
  }

  /** National and regional revisions to earlier weeks recorded since the previous publication. */
  async revisions(db: EntityManager, weekStart: string, since: Date | null): Promise<RevisionFigures[]> {
    const rows: { week_start: string; setting: string; area_code: string; measure: string; old_value: number; new_value: number; changed_at: Date; reason: string }[] =
      await db.query(
        `SELECT DISTINCT ON (week_start, setting, area_code, measure)
                week_start::text, setting, area_code, measure, first_value(old_value) OVER w AS old_value, new_value, changed_at, reason
           FROM incidence_revision
          WHERE week_start < $1::date AND ($2::timestamptz IS NULL OR changed_at > $2::timestamptz)
            AND (area_code = 'ALL' OR area_code LIKE 'E12%')
         WINDOW w AS (PARTITION BY week_start, setting, area_code, measure ORDER BY changed_at, id)
          ORDER BY week_start, setting, area_code, measure, changed_at DESC, id DESC`,
        [weekStart, since],
      );
    return rows
      .filter((r) => r.old_value !== r.new_value)
      .map((r) => ({ weekStart: r.week_start, setting: r.setting, area: r.area_code, measure: r.measure, oldValue: r.old_value, newValue: r.new_value, changedAt: r.changed_at, reason: r.reason }));
  }

  /** Per agency: events in the week, in the 8 weeks before it, mean reporting lag, last event. */
  agencies(db: EntityManager, weekStart: string): Promise<AgencyFigures[]> {
    return db.query(
      `SELECT agency_code AS "agencyCode", max(agency_type) AS "agencyType",
              max(last_reported_at) FILTER (WHERE week_start <= $1::date) AS "lastReportedAt",
              coalesce(sum(events) FILTER (WHERE week_start = $1::date), 0)::int AS "eventsThisWeek",
              coalesce(sum(events) FILTER (WHERE week_start < $1::date AND week_start >= $1::date - 56), 0)::int AS "eventsBefore",
              8 AS "weeksBefore",
              sum(lag_hours_sum) FILTER (WHERE week_start <= $1::date) / nullif(sum(events) FILTER (WHERE week_start <= $1::date), 0) AS "lagHours"
         FROM agency_activity WHERE week_start <= $1::date GROUP BY agency_code ORDER BY agency_code`,
      [weekStart],
    );
  }

  async previousPublication(db: EntityManager, weekStart: string): Promise<Date | null> {
    const [row]: { published_at: Date | null }[] = await db.query(
      'SELECT max(published_at) AS published_at FROM bulletin WHERE week_start < $1::date',
      [weekStart],
    );
    return row.published_at;
  }
}

/** The same ISO week a year earlier (week 53 falls back to the week 52 weeks before). */
export function sameWeekLastYear(weekStart: string): string {
  const [year, week] = isoWeekLabel(weekStart).split('-W');
  return weekStartOfLabel(`${Number(year) - 1}-W${week}`) ?? addWeeks(weekStart, -52);
}
