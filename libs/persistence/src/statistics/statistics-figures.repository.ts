import type { BreakdownFigures, IncidenceFigures, RevisionFigures } from '@mcm/bulletin';
import type { AgencyFigures } from '@mcm/disclosure';
import { addWeeks, isoWeekLabel, weekStartOfLabel } from '@mcm/shared';
import { EntityManager } from 'typeorm';

/** Reads published-statistics figures (bulletins, the API); every query is bounded by week, so history size barely matters. */
/** A weekly cell's true counts and cell keys as stored (keys as text: bigint). */
export interface KeyedWeeklyRow {
  week_start: string;
  setting: string;
  area_code: string;
  children: number;
  episodes_started: number;
  episodes_ended: number;
  open_at_week_end: number;
  children_key: string;
  started_key: string;
  ended_key: string;
  open_key: string;
}

export class StatisticsFiguresRepository {
  async incidence(db: EntityManager, weekStarts: string[], areas: 'national' | 'all'): Promise<Map<string, IncidenceFigures[]>> {
    const rows: KeyedWeeklyRow[] = await db.query(
      `SELECT week_start::text, setting, area_code, children, episodes_started, episodes_ended, open_at_week_end,
                children_key, started_key, ended_key, open_key
           FROM weekly_incidence WHERE week_start = ANY($1::date[]) ${areas === 'national' ? "AND area_code = 'ALL'" : ''}`,
      [weekStarts],
    );
    const byWeek = new Map<string, IncidenceFigures[]>(weekStarts.map((w) => [w, []]));
    for (const r of rows) {
      byWeek.get(r.week_start)!.push({
        setting: r.setting,
        area: r.area_code,
        children: r.children,
        started: r.episodes_started,
        ended: r.episodes_ended,
        open: r.open_at_week_end,
        childrenKey: Number(r.children_key),
        startedKey: Number(r.started_key),
        endedKey: Number(r.ended_key),
        openKey: Number(r.open_key),
      });
    }
    return byWeek;
  }

  async breakdowns(db: EntityManager, weekStart: string): Promise<BreakdownFigures[]> {
    const rows: { dimension: string; category: string; children: number; episodes: number; children_key: string; episodes_key: string }[] =
      await db.query(
        `SELECT dimension, category, children, episodes, children_key, episodes_key FROM weekly_breakdown
        WHERE week_start = $1::date AND setting = 'ALL' AND area_code = 'ALL' ORDER BY dimension, category`,
        [weekStart],
      );
    return rows.map((r) => ({
      dimension: r.dimension,
      category: r.category,
      children: r.children,
      episodes: r.episodes,
      childrenKey: Number(r.children_key),
      episodesKey: Number(r.episodes_key),
    }));
  }

  /**
   * Every published cell of an earlier week (England, regions, LAs, breakdowns) whose true value or
   * records changed since `since` (incidence_revision), with its true value and key now and the
   * value published for it before this week's bulletin (published_cell: the latest publication by
   * a bulletin of another week, so a rebuild of this week lists again what its previous edition
   * listed). Cells no bulletin has published are left out: there is nothing of theirs to revise.
   */
  async revisions(db: EntityManager, weekStart: string, since: Date | null): Promise<RevisionFigures[]> {
    const rows: {
      week_start: string;
      setting: string;
      area_code: string;
      dimension: string;
      category: string;
      measure: string;
      value: number;
      key: string;
      previously_published: number;
      changed_at: Date;
      reason: string;
    }[] = await db.query(
      `WITH changed AS (
         SELECT DISTINCT ON (week_start, setting, area_code, dimension, category, measure)
                week_start, setting, area_code, dimension, category, measure, changed_at, reason
           FROM incidence_revision
          WHERE week_start < $1::date AND ($2::timestamptz IS NULL OR changed_at > $2::timestamptz)
          ORDER BY week_start, setting, area_code, dimension, category, measure, changed_at DESC, id DESC)
       SELECT c.week_start::text, c.setting, c.area_code, c.dimension, c.category, c.measure, c.changed_at, c.reason,
              CASE WHEN p.last_bulletin_week = $1::date THEN p.prior_value ELSE p.last_value END AS previously_published,
              coalesce(CASE c.measure WHEN 'children' THEN coalesce(w.children, b.children) WHEN 'episodes' THEN b.episodes
                                      WHEN 'episodes_started' THEN w.episodes_started WHEN 'episodes_ended' THEN w.episodes_ended
                                      ELSE w.open_at_week_end END, 0) AS value,
              coalesce(CASE c.measure WHEN 'children' THEN coalesce(w.children_key, b.children_key) WHEN 'episodes' THEN b.episodes_key
                                      WHEN 'episodes_started' THEN w.started_key WHEN 'episodes_ended' THEN w.ended_key
                                      ELSE w.open_key END, 0) AS key
         FROM changed c
         JOIN published_cell p USING (week_start, setting, area_code, dimension, category, measure)
         LEFT JOIN weekly_incidence w ON c.dimension = '' AND w.week_start = c.week_start AND w.setting = c.setting AND w.area_code = c.area_code
         LEFT JOIN weekly_breakdown b ON c.dimension <> '' AND b.week_start = c.week_start AND b.setting = c.setting AND b.area_code = c.area_code
                                     AND b.dimension = c.dimension AND b.category = c.category
        WHERE (CASE WHEN p.last_bulletin_week = $1::date THEN p.prior_value ELSE p.last_value END) IS NOT NULL
        ORDER BY c.week_start, c.setting, c.area_code, c.dimension, c.category, c.measure`,
      [weekStart, since],
    );
    return rows.map((r) => ({
      weekStart: r.week_start,
      setting: r.setting,
      area: r.area_code,
      dimension: r.dimension,
      category: r.category,
      measure: r.measure,
      value: r.value,
      key: Number(r.key),
      previouslyPublished: r.previously_published,
      changedAt: r.changed_at,
      reason: r.reason,
    }));
  }

  /** Per agency: events in the week, in the 8 weeks before it, mean reporting lag, last event, implied returns. */
  agencies(db: EntityManager, weekStart: string): Promise<AgencyFigures[]> {
    return db.query(
      `WITH implied AS (
         SELECT agency_code, coalesce(sum(implied_returns) FILTER (WHERE week_start = $1::date), 0)::int AS this_week,
                sum(implied_returns)::int AS to_date
           FROM agency_implied_return WHERE week_start <= $1::date
          GROUP BY agency_code)
       SELECT a.*, coalesce(i.this_week, 0) AS "impliedReturnsThisWeek", coalesce(i.to_date, 0) AS "impliedReturnsToDate"
         FROM (SELECT agency_code AS "agencyCode", max(agency_type) AS "agencyType",
              max(last_reported_at) FILTER (WHERE week_start <= $1::date) AS "lastReportedAt",
              coalesce(sum(events) FILTER (WHERE week_start = $1::date), 0)::int AS "eventsThisWeek",
              coalesce(sum(events) FILTER (WHERE week_start < $1::date AND week_start >= $1::date - 56), 0)::int AS "eventsBefore",
              8 AS "weeksBefore",
              sum(lag_hours_sum) FILTER (WHERE week_start <= $1::date) / nullif(sum(events) FILTER (WHERE week_start <= $1::date), 0) AS "lagHours",
              coalesce(sum(events), 0)::int AS "eventsToDate", coalesce(sum(lag_hours_sum), 0)::float8 AS "lagHoursSum"
         FROM agency_activity WHERE week_start <= $1::date GROUP BY agency_code) a
         LEFT JOIN implied i ON i.agency_code = a."agencyCode"
        ORDER BY a."agencyCode"`,
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
