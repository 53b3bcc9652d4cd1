import { addWeeks, isoWeekLabel, weekStartOfLabel } from '@mcm/shared';
import { EntityManager } from 'typeorm';

/** A weekly cell's true counts with their cell keys (sums of the records' keys mod 2^32). */
export interface IncidenceFigures {
  setting: string; area: string; children: number; started: number; ended: number; open: number;
  childrenKey: number; startedKey: number; endedKey: number; openKey: number;
}
export interface BreakdownFigures { dimension: string; category: string; children: number; episodes: number; childrenKey: number; episodesKey: number }
/**
 * A national or regional cell of an earlier week changed since the previous publication: its
 * true value and key now (to be perturbed, never published as they are) and the value the
 * bulletins last published for it (already perturbed), read back from the stored bulletins.
 */
export interface RevisionFigures {
  weekStart: string; setting: string; area: string; measure: string;
  value: number; key: number; previouslyPublished: number; changedAt: Date; reason: string;
}
export interface AgencyFigures {
  agencyCode: string; agencyType: string; lastReportedAt: Date | null; eventsThisWeek: number; eventsBefore: number; weeksBefore: number; lagHours: number | null;
  /** Events up to the end of the week and the sum of their reporting lags (hours). */
  eventsToDate: number; lagHoursSum: number;
}

/** The revision measures and where each sits in weekly_incidence and in a stored bulletin. */
const MEASURE_SOURCES = `(VALUES ('children', 'children'), ('episodes_started', 'episodesStarted'), ('episodes_ended', 'episodesEnded'), ('open_at_week_end', 'openAtWeekEnd'))`;

/** Reads published-statistics figures (bulletins, the API); every query is bounded by week, so history size barely matters. */
export class StatisticsFiguresRepository {
  async incidence(db: EntityManager, weekStarts: string[], areas: 'national' | 'all'): Promise<Map<string, IncidenceFigures[]>> {
    const rows: {
      week_start: string; setting: string; la_code: string; children: number; episodes_started: number; episodes_ended: number; open_at_week_end: number;
      children_key: string; started_key: string; ended_key: string; open_key: string;
    }[] =
      await db.query(
        `SELECT week_start::text, setting, la_code, children, episodes_started, episodes_ended, open_at_week_end,
                children_key, started_key, ended_key, open_key
           FROM weekly_incidence WHERE week_start = ANY($1::date[]) ${areas === 'national' ? "AND la_code = 'ALL'" : ''}`,
        [weekStarts],
      );
    const byWeek = new Map<string, IncidenceFigures[]>(weekStarts.map((w) => [w, []]));
    for (const r of rows) {
      byWeek.get(r.week_start)!.push({
        setting: r.setting, area: r.la_code, children: r.children, started: r.episodes_started, ended: r.episodes_ended, open: r.open_at_week_end,
        childrenKey: Number(r.children_key), startedKey: Number(r.started_key), endedKey: Number(r.ended_key), openKey: Number(r.open_key),
      });
    }
    return byWeek;
  }

  async breakdowns(db: EntityManager, weekStart: string): Promise<BreakdownFigures[]> {
    const rows: { dimension: string; category: string; children: number; episodes: number; children_key: string; episodes_key: string }[] = await db.query(
      `SELECT dimension, category, children, episodes, children_key, episodes_key FROM weekly_breakdown
        WHERE week_start = $1::date AND setting = 'ALL' AND area_code = 'ALL' ORDER BY dimension, category`,
      [weekStart],
    );
    return rows.map((r) => ({ dimension: r.dimension, category: r.category, children: r.children, episodes: r.episodes, childrenKey: Number(r.children_key), episodesKey: Number(r.episodes_key) }));
  }

  /**
   * National and regional cells of earlier weeks changed since the previous publication, each with
   * its true value and key now and the value last published for it by a cell-key bulletin (in a
   * week's own tables, in the England trend of later weeks, or in a revisions section). Cells no
   * cell-key bulletin has published are left out: there is nothing of theirs to revise.
   */
  async revisions(db: EntityManager, weekStart: string, since: Date | null): Promise<RevisionFigures[]> {
    const rows: { week_start: string; setting: string; area_code: string; measure: string; value: number; key: string; previously_published: number; changed_at: Date; reason: string }[] =
      await db.query(
        `WITH changed AS (
           SELECT DISTINCT ON (week_start, setting, area_code, measure) week_start, setting, area_code, measure, changed_at, reason
             FROM incidence_revision
            WHERE week_start < $1::date AND ($2::timestamptz IS NULL OR changed_at > $2::timestamptz)
              AND (area_code = 'ALL' OR area_code LIKE 'E12%')
            ORDER BY week_start, setting, area_code, measure, changed_at DESC, id DESC),
         releases AS (
           SELECT week_start, revision, published_at, content FROM bulletin
            WHERE content ? 'disclosure' AND week_start >= (SELECT min(week_start) FROM changed)),
         published AS (
           SELECT r.week_start, a->>'setting' AS setting, CASE WHEN a->>'level' = 'National' THEN 'ALL' ELSE a->>'code' END AS area_code,
                  m.measure, (a->>m.field)::int AS value, r.published_at, r.revision
             FROM releases r CROSS JOIN LATERAL jsonb_array_elements(r.content->'areas') a CROSS JOIN ${MEASURE_SOURCES} AS m(measure, field)
            WHERE a->>'level' IN ('National', 'Regional') AND jsonb_typeof(a->m.field) = 'number'
           UNION ALL
           SELECT (t->>'weekCommencing')::date, t->>'setting', 'ALL', m.measure, (t->>m.field)::int, r.published_at, r.revision
             FROM releases r CROSS JOIN LATERAL jsonb_array_elements(r.content->'trend') t
            CROSS JOIN (VALUES ('children', 'children'), ('episodes_started', 'episodes')) AS m(measure, field)
            WHERE jsonb_typeof(t->m.field) = 'number'
           UNION ALL
           SELECT (v->>'weekCommencing')::date, v->>'setting', CASE WHEN v->>'areaCode' = 'E92000001' THEN 'ALL' ELSE v->>'areaCode' END,
                  v->>'measure', (v->>'published')::int, r.published_at, r.revision
             FROM releases r CROSS JOIN LATERAL jsonb_array_elements(r.content->'revisions') v
            WHERE jsonb_typeof(v->'published') = 'number')
         SELECT c.week_start::text, c.setting, c.area_code, c.measure, c.changed_at, c.reason, p.value AS previously_published,
                coalesce(CASE c.measure WHEN 'children' THEN w.children WHEN 'episodes_started' THEN w.episodes_started
                                        WHEN 'episodes_ended' THEN w.episodes_ended ELSE w.open_at_week_end END, 0) AS value,
                coalesce(CASE c.measure WHEN 'children' THEN w.children_key WHEN 'episodes_started' THEN w.started_key
                                        WHEN 'episodes_ended' THEN w.ended_key ELSE w.open_key END, 0) AS key
           FROM changed c
           JOIN LATERAL (SELECT value FROM published p
                          WHERE p.week_start = c.week_start AND p.setting = c.setting AND p.area_code = c.area_code AND p.measure = c.measure
                          ORDER BY p.published_at DESC, p.revision DESC LIMIT 1) p ON true
           LEFT JOIN weekly_incidence w ON w.week_start = c.week_start AND w.setting = c.setting AND w.la_code = c.area_code
          ORDER BY c.week_start, c.setting, c.area_code, c.measure`,
        [weekStart, since],
      );
    return rows.map((r) => ({
      weekStart: r.week_start, setting: r.setting, area: r.area_code, measure: r.measure, value: r.value, key: Number(r.key),
      previouslyPublished: r.previously_published, changedAt: r.changed_at, reason: r.reason,
    }));
  }

  /** Per agency: events in the week, in the 8 weeks before it, mean reporting lag, last event. */
  agencies(db: EntityManager, weekStart: string): Promise<AgencyFigures[]> {
    return db.query(
      `SELECT agency_code AS "agencyCode", max(agency_type) AS "agencyType",
              max(last_reported_at) FILTER (WHERE week_start <= $1::date) AS "lastReportedAt",
              coalesce(sum(events) FILTER (WHERE week_start = $1::date), 0)::int AS "eventsThisWeek",
              coalesce(sum(events) FILTER (WHERE week_start < $1::date AND week_start >= $1::date - 56), 0)::int AS "eventsBefore",
              8 AS "weeksBefore",
              sum(lag_hours_sum) FILTER (WHERE week_start <= $1::date) / nullif(sum(events) FILTER (WHERE week_start <= $1::date), 0) AS "lagHours",
              coalesce(sum(events), 0)::int AS "eventsToDate", coalesce(sum(lag_hours_sum), 0)::float8 AS "lagHoursSum"
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
