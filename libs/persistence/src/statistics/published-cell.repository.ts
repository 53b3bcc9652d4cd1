import type { PublishedCellValue } from '@mcm/bulletin';
import { EntityManager } from 'typeorm';

export interface FirstFinalValue {
  weekStart: string;
  measure: string;
  value: number;
  exact: number | null;
}

/**
 * What the bulletins published for each cell (table published_cell): the value published once
 * the cell's week was complete (`final_value`, never overwritten: the `r` flag compares with it),
 * the latest value and the bulletin week that published it, and the value a bulletin of an earlier
 * week published before that (`prior_value`), so that a rebuild of this week's bulletin still
 * lists as revisions what its previous edition listed.
 */
export class PublishedCellRepository {
  async record(db: EntityManager, bulletinWeek: string, cells: PublishedCellValue[], publishedAt: Date): Promise<void> {
    const unique = [...new Map(cells.map((c) => [`${c.weekStart}|${c.setting}|${c.area}|${c.dimension}|${c.category}|${c.measure}`, c])).values()];
    if (unique.length === 0) return;
    const column = <K extends keyof PublishedCellValue>(k: K) => unique.map((c) => c[k]);
    await db.query(
      `INSERT INTO published_cell AS c (week_start, setting, area_code, dimension, category, measure, final_value, final_exact, final_at,
                                        last_value, last_bulletin_week, prior_value)
       SELECT t.week_start, t.setting, t.area_code, t.dimension, t.category, t.measure,
              CASE WHEN t.final THEN t.value END, CASE WHEN t.final THEN t.exact END, CASE WHEN t.final THEN $10::timestamptz END,
              t.value, $11::date, NULL
         FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::boolean[])
           AS t(week_start, setting, area_code, dimension, category, measure, value, exact, final)
        ORDER BY 1, 2, 3, 4, 5, 6
       ON CONFLICT (week_start, setting, area_code, dimension, category, measure) DO UPDATE SET
         final_value = coalesce(c.final_value, excluded.final_value),
         final_exact = CASE WHEN c.final_value IS NULL THEN excluded.final_exact ELSE c.final_exact END,
         final_at = coalesce(c.final_at, excluded.final_at),
         prior_value = CASE WHEN excluded.last_bulletin_week > c.last_bulletin_week THEN c.last_value ELSE c.prior_value END,
         last_value = CASE WHEN excluded.last_bulletin_week >= c.last_bulletin_week THEN excluded.last_value ELSE c.last_value END,
         last_bulletin_week = greatest(c.last_bulletin_week, excluded.last_bulletin_week)`,
      [
        column('weekStart'),
        column('setting'),
        column('area'),
        column('dimension'),
        column('category'),
        column('measure'),
        column('value'),
        column('exact'),
        column('final'),
        publishedAt,
        bulletinWeek,
      ],
    );
  }

  /** The values first published once complete for one area's weekly cells of one setting, over a range of weeks. */
  async firstFinal(db: EntityManager, setting: string, area: string, from: string, to: string): Promise<FirstFinalValue[]> {
    const rows: { week_start: string; measure: string; final_value: number; final_exact: number | null }[] = await db.query(
      `SELECT week_start::text, measure, final_value, final_exact FROM published_cell
        WHERE setting = $1 AND area_code = $2 AND dimension = '' AND category = '' AND week_start BETWEEN $3::date AND $4::date
          AND final_value IS NOT NULL`,
      [setting, area, from, to],
    );
    return rows.map((r) => ({ weekStart: r.week_start, measure: r.measure, value: r.final_value, exact: r.final_exact }));
  }
}
