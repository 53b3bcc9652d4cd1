import { IncidenceCell, openWeeksBetween, uniqueCells } from '@mcm/incidence';
import { weekCommencing } from '@mcm/shared';
import { EntityManager } from 'typeorm';

const HORIZON_KEY = 'horizon';

/**
 * The weekly incidence table, recomputed exactly for the cells a batch touches, inside the
 * batch's transaction. Level-1 cells (week, setting, LA) are counted from national episodes;
 * totals ('ALL' setting and/or LA) are recomputed for every touched week.
 */
export class WeeklyIncidenceRepository {
  async horizonWeek(db: EntityManager): Promise<string | null> {
    const rows: { value: { week: string } }[] = await db.query('SELECT value FROM pipeline_state WHERE key = $1', [HORIZON_KEY]);
    return rows[0]?.value.week ?? null;
  }

  /**
   * Moves the horizon (the week of the latest reportedAt seen) forward; returns the level-1 cells
   * of episodes still open in the weeks it gained.
   */
  async advanceHorizon(db: EntityManager, latestReportedAt: number): Promise<{ horizon: string | null; cells: IncidenceCell[] }> {
    const previous = await this.horizonWeek(db);
    const candidate = weekCommencing(new Date(latestReportedAt));
    if (previous !== null && candidate <= previous) return { horizon: previous, cells: [] };
    await db.query(
      `INSERT INTO pipeline_state (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [HORIZON_KEY, JSON.stringify({ week: candidate })],
    );
    if (previous === null) return { horizon: candidate, cells: [] };
    const open: { setting: string; la_code: string; start_week: string; end_week: string | null }[] = await db.query(
      `SELECT setting, la_code, start_week::text, end_week::text FROM national_episode
        WHERE start_week <= $2::date AND (end_week IS NULL OR end_week > $1::date + 7)`,
      [previous, candidate],
    );
    const cells = open.flatMap((e) =>
      openWeeksBetween({ setting: e.setting, laCode: e.la_code, startWeek: e.start_week, endWeek: e.end_week }, previous, candidate)
        .map((weekStart) => ({ weekStart, setting: e.setting, laCode: e.la_code })),
    );
    return { horizon: candidate, cells: uniqueCells(cells) };
  }

  /** Recomputes the given level-1 cells, then every total cell of the weeks they are in. */
  async recompute(db: EntityManager, level1: IncidenceCell[], horizonWeek: string | null): Promise<void> {
    if (level1.length === 0) return;
    await this.recomputeLevel1(db, level1, horizonWeek ?? '9999-12-31');
    await this.recomputeTotals(db, [...new Set(level1.map((c) => c.weekStart))]);
  }

  private async recomputeLevel1(db: EntityManager, cells: IncidenceCell[], horizon: string): Promise<void> {
    await db.query(
      `WITH t AS (SELECT DISTINCT * FROM unnest($1::date[], $2::text[], $3::text[]) AS u(week_start, setting, la_code)),
            starts AS (
              SELECT t.week_start, t.setting, t.la_code, count(DISTINCT e.national_child_id) AS children, count(*) AS started
                FROM t JOIN national_episode e ON e.setting = t.setting AND e.la_code = t.la_code AND e.start_week = t.week_start
               GROUP BY 1, 2, 3),
            opens AS (
              SELECT t.week_start, t.setting, t.la_code, count(*) AS open
                FROM t JOIN national_episode e ON e.setting = t.setting AND e.la_code = t.la_code
                 AND e.start_week <= t.week_start AND (e.end_week IS NULL OR e.end_week > t.week_start)
               WHERE t.week_start <= $4::date
               GROUP BY 1, 2, 3),
            v AS (
              SELECT t.week_start, t.setting, t.la_code,
                     coalesce(s.children, 0)::int AS children, coalesce(s.started, 0)::int AS started, coalesce(o.open, 0)::int AS open
                FROM t LEFT JOIN starts s USING (week_start, setting, la_code) LEFT JOIN opens o USING (week_start, setting, la_code)),
            gone AS (
              DELETE FROM weekly_incidence w USING v
               WHERE w.week_start = v.week_start AND w.setting = v.setting AND w.la_code = v.la_code
                 AND v.children = 0 AND v.started = 0 AND v.open = 0)
       ${UPSERT_FROM_V}`,
      [cells.map((c) => c.weekStart), cells.map((c) => c.setting), cells.map((c) => c.laCode), horizon],
    );
  }

  /**
   * Totals over settings, over LAs and over both, for whole weeks at once: distinct children are
   * counted again from the episodes (they are not additive); open episodes are summed from level 1.
   */
  private async recomputeTotals(db: EntityManager, weeks: string[]): Promise<void> {
    await db.query(
      `WITH weeks AS (SELECT DISTINCT unnest($1::date[]) AS week_start),
            starts AS (
              SELECT e.start_week AS week_start, coalesce(e.setting, 'ALL') AS setting, coalesce(e.la_code, 'ALL') AS la_code,
                     count(DISTINCT e.national_child_id) AS children, count(*) AS started
                FROM national_episode e JOIN weeks w ON e.start_week = w.week_start
               GROUP BY GROUPING SETS ((e.start_week, e.setting), (e.start_week, e.la_code), (e.start_week))),
            opens AS (
              SELECT l.week_start, coalesce(l.setting, 'ALL') AS setting, coalesce(l.la_code, 'ALL') AS la_code, sum(l.open_at_week_end) AS open
                FROM weekly_incidence l JOIN weeks w ON l.week_start = w.week_start
               WHERE l.setting <> 'ALL' AND l.la_code <> 'ALL'
               GROUP BY GROUPING SETS ((l.week_start, l.setting), (l.week_start, l.la_code), (l.week_start))),
            v AS (
              SELECT week_start, setting, la_code, coalesce(s.children, 0)::int AS children, coalesce(s.started, 0)::int AS started,
                     coalesce(o.open, 0)::int AS open
                FROM starts s FULL JOIN opens o USING (week_start, setting, la_code)),
            gone AS (
              DELETE FROM weekly_incidence w USING weeks
               WHERE w.week_start = weeks.week_start AND (w.setting = 'ALL' OR w.la_code = 'ALL')
                 AND NOT EXISTS (SELECT 1 FROM v WHERE v.week_start = w.week_start AND v.setting = w.setting AND v.la_code = w.la_code
                                   AND (v.children > 0 OR v.started > 0 OR v.open > 0)))
       ${UPSERT_FROM_V}`,
      [weeks],
    );
  }
}

/** Writes the rows of CTE `v` that are not all zero; unchanged rows are left untouched. */
const UPSERT_FROM_V = `
  INSERT INTO weekly_incidence AS w (week_start, setting, la_code, children, episodes_started, open_at_week_end, updated_at)
  SELECT week_start, setting, la_code, children, started, open, now() FROM v
   WHERE children > 0 OR started > 0 OR open > 0
   ORDER BY 1, 2, 3
  ON CONFLICT (week_start, setting, la_code) DO UPDATE
    SET children = excluded.children, episodes_started = excluded.episodes_started,
        open_at_week_end = excluded.open_at_week_end, updated_at = now()
  WHERE (w.children, w.episodes_started, w.open_at_week_end)
        IS DISTINCT FROM (excluded.children, excluded.episodes_started, excluded.open_at_week_end)`;
