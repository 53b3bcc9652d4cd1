import { IncidenceCell, openWeeksBetween, rollupsOf, uniqueCells } from '@mcm/incidence';
import { weekCommencing } from '@mcm/shared';
import { EntityManager } from 'typeorm';

const HORIZON_KEY = 'horizon';

/**
 * The weekly incidence table, recomputed exactly for the cells a batch touches, inside the
 * batch's transaction. Level-1 cells (week, setting, LA) are counted from national episodes;
 * totals count distinct children again (children are not additive) and sum open episodes.
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

  /** Recomputes the given level-1 cells, then every total they roll up into. */
  async recompute(db: EntityManager, level1: IncidenceCell[], horizonWeek: string | null): Promise<void> {
    if (level1.length === 0) return;
    const horizon = horizonWeek ?? '9999-12-31';
    await this.upsert(
      db,
      level1,
      `(SELECT count(DISTINCT e.national_child_id) FROM national_episode e
          WHERE e.setting = t.setting AND e.la_code = t.la_code AND e.start_week = t.week_start)`,
      `(SELECT count(*) FROM national_episode e
          WHERE e.setting = t.setting AND e.la_code = t.la_code AND e.start_week = t.week_start)`,
      `CASE WHEN t.week_start > $4::date THEN 0 ELSE
         (SELECT count(*) FROM national_episode e
           WHERE e.setting = t.setting AND e.la_code = t.la_code AND e.start_week <= t.week_start
             AND (e.end_week IS NULL OR e.end_week > t.week_start)) END`,
      [horizon],
    );
    const totals = uniqueCells(level1.flatMap(rollupsOf));
    await this.upsert(
      db,
      totals,
      `(SELECT count(DISTINCT e.national_child_id) FROM national_episode e
          WHERE e.start_week = t.week_start AND (t.setting = 'ALL' OR e.setting = t.setting) AND (t.la_code = 'ALL' OR e.la_code = t.la_code))`,
      `(SELECT count(*) FROM national_episode e
          WHERE e.start_week = t.week_start AND (t.setting = 'ALL' OR e.setting = t.setting) AND (t.la_code = 'ALL' OR e.la_code = t.la_code))`,
      `(SELECT coalesce(sum(w.open_at_week_end), 0) FROM weekly_incidence w
          WHERE w.week_start = t.week_start AND w.setting <> 'ALL' AND w.la_code <> 'ALL'
            AND (t.setting = 'ALL' OR w.setting = t.setting) AND (t.la_code = 'ALL' OR w.la_code = t.la_code))`,
      [],
    );
  }

  private async upsert(db: EntityManager, cells: IncidenceCell[], children: string, started: string, open: string, extraParams: unknown[]): Promise<void> {
    const params = [cells.map((c) => c.weekStart), cells.map((c) => c.setting), cells.map((c) => c.laCode), ...extraParams];
    const values = `SELECT t.week_start, t.setting, t.la_code, ${children}::int AS children, ${started}::int AS started, ${open}::int AS open
                      FROM (SELECT DISTINCT * FROM unnest($1::date[], $2::text[], $3::text[]) AS u(week_start, setting, la_code)) t`;
    await db.query(
      `WITH v AS (${values}),
            gone AS (
              DELETE FROM weekly_incidence w USING v
               WHERE w.week_start = v.week_start AND w.setting = v.setting AND w.la_code = v.la_code
                 AND v.children = 0 AND v.started = 0 AND v.open = 0)
       INSERT INTO weekly_incidence AS w (week_start, setting, la_code, children, episodes_started, open_at_week_end, updated_at)
       SELECT week_start, setting, la_code, children, started, open, now() FROM v
        WHERE children > 0 OR started > 0 OR open > 0
        ORDER BY 1, 2, 3
       ON CONFLICT (week_start, setting, la_code) DO UPDATE
         SET children = excluded.children, episodes_started = excluded.episodes_started,
             open_at_week_end = excluded.open_at_week_end, updated_at = now()
       WHERE (w.children, w.episodes_started, w.open_at_week_end)
             IS DISTINCT FROM (excluded.children, excluded.episodes_started, excluded.open_at_week_end)`,
      params,
    );
  }
}
