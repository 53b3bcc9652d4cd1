import { CARE_MISSING_LABEL, RETURN_INTERVIEW_SETTINGS } from '@mcm/incidence';
import { SEX_LABEL } from '@mcm/shared';
import { childrenKeySql, episodesKeySql } from './cell-key-sql';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Breakdowns recomputed for whole weeks: every category of each dimension (with a 'Total'), for
 * England and each region by setting and over all settings, and for each LA over all settings
 * (ours: LA x setting x category would multiply the rows kept for little use; /v1/incidence
 * computes any such combination on demand). Dimensions of episodes starting in the
 * week: age band x sex, ethnicity group, risk grade, repeat missing, and (CARE episodes only) SSDA903
 * missing type; of episodes ending in it: duration band, and (HOME and CARE episodes only: the
 * settings that call for one) return interview offered within 72 hours.
 */
export class WeeklyBreakdownRepository {
  /**
   * Marks weeks for recomputation, in the batch's transaction. Breakdowns are recomputed outside
   * the batch (they would cost more than the rest of it): `refreshDirty` drains the marks, in the
   * background and before every bulletin build, so what is published is always exact.
   */
  async markDirty(db: EntityManager, weeks: string[]): Promise<void> {
    if (weeks.length === 0) return;
    await db.query('INSERT INTO breakdown_dirty_week (week_start) SELECT DISTINCT unnest($1::date[]) ORDER BY 1 ON CONFLICT DO NOTHING', [weeks]);
  }

  /** Recomputes up to `limit` marked weeks (oldest first) in one transaction; returns how many. */
  async refreshDirty(dataSource: DataSource, limit = 26): Promise<number> {
    return dataSource.transaction(async (db) => {
      // A batch that marks a week meanwhile waits for this lock, then marks it again: nothing lost.
      const rows: { week: string }[] = await db.query(
        'SELECT week_start::text AS week FROM breakdown_dirty_week ORDER BY week_start FOR UPDATE SKIP LOCKED LIMIT $1',
        [limit],
      );
      const weeks = rows.map((r) => r.week);
      await this.recompute(db, weeks);
      if (weeks.length) await db.query('DELETE FROM breakdown_dirty_week WHERE week_start = ANY($1::date[])', [weeks]);
      return weeks.length;
    });
  }

  /** Drains every marked week. */
  async refreshAll(dataSource: DataSource): Promise<void> {
    while ((await this.refreshDirty(dataSource)) > 0);
  }

  async recompute(db: EntityManager, weeks: string[]): Promise<void> {
    if (weeks.length === 0) return;
    // Upserted and diffed in one statement: changes to published weeks are revisions (BREAKDOWN_REVISIONS_AND_UPSERT).
    await db.query(
      `WITH weeks AS (SELECT DISTINCT unnest($1::date[]) AS week_start),
            started AS (SELECT e.*, e.start_week AS week FROM national_episode e JOIN weeks w ON e.start_week = w.week_start),
            ended AS (SELECT e.*, e.end_week AS week FROM national_episode e JOIN weeks w ON e.end_week = w.week_start),
            facts AS (
              SELECT week, setting, la_code, region_code, national_child_id, child_key, episode_key, 'age_band_sex' AS dimension,
                     age_band || ' ' || ${SEX_CASE} AS category FROM started
              UNION ALL SELECT week, setting, la_code, region_code, national_child_id, child_key, episode_key, 'ethnicity_group', ethnicity_group FROM started
              UNION ALL SELECT week, setting, la_code, region_code, national_child_id, child_key, episode_key, 'risk_grade', risk_grade FROM started
              UNION ALL SELECT week, setting, la_code, region_code, national_child_id, child_key, episode_key, 'repeat_missing',
                               CASE WHEN repeat_missing THEN 'Repeat missing' ELSE 'Not repeat missing' END FROM started
              UNION ALL SELECT week, setting, la_code, region_code, national_child_id, child_key, episode_key, 'care_missing_type',
                               ${CARE_MISSING_CASE} FROM started WHERE setting = 'CARE'
              UNION ALL SELECT week, setting, la_code, region_code, national_child_id, child_key, episode_key, 'duration_band', duration_band FROM ended
              UNION ALL SELECT week, setting, la_code, region_code, national_child_id, child_key, episode_key, 'return_interview',
                               CASE WHEN return_interview_within_72h THEN 'Offered within 72 hours' ELSE 'Not recorded as offered within 72 hours' END
                          FROM ended WHERE setting = ANY($2::text[])),
            fresh (week_start, setting, area_code, dimension, category, children, episodes, children_key, episodes_key) AS (
       SELECT week, coalesce(setting, 'ALL'),
              CASE WHEN GROUPING(la_code) = 0 THEN la_code WHEN GROUPING(region_code) = 0 THEN region_code ELSE 'ALL' END,
              dimension, coalesce(category, 'Total'), count(DISTINCT national_child_id), count(*),
              -- Cell keys (cell-key method): distinct children's keys, each child once; episodes' keys.
              ${childrenKeySql('facts')}, ${episodesKeySql('facts')}
         FROM facts
        GROUP BY GROUPING SETS (
          (week, dimension, la_code, category),
          (week, dimension, setting, region_code, category), (week, dimension, region_code, category),
          (week, dimension, setting, category), (week, dimension, category),
          (week, dimension, la_code),
          (week, dimension, setting, region_code), (week, dimension, region_code),
          (week, dimension, setting), (week, dimension))
       HAVING NOT (GROUPING(region_code) = 0 AND region_code = 'UNKNOWN'))
       ${BREAKDOWN_REVISIONS_AND_UPSERT}`,
      [weeks, RETURN_INTERVIEW_SETTINGS],
    );
  }
}

/** The sex half of an age band and sex category: an episode without a known sex counts as unknown. */
const SEX_CASE = `CASE sex WHEN 'F' THEN '${SEX_LABEL.F}' WHEN 'M' THEN '${SEX_LABEL.M}' ELSE '${SEX_LABEL.U}' END`;

/** The missing type's breakdown category (an episode stored untyped counts as not stated). */
const CARE_MISSING_CASE = `CASE coalesce(care_missing_type, 'NOT_STATED') ${Object.entries(CARE_MISSING_LABEL)
  .map(([code, label]) => `WHEN '${code}' THEN '${label}'`)
  .join(' ')} END`;

/**
 * Completes recompute's statement, whose CTE \`fresh\` holds the weeks' cells: each breakdown cell of
 * a week already covered by a bulletin whose count or records (cell key) changed is recorded in
 * incidence_revision (with its dimension and category; the cause is the one last recorded for the
 * week's weekly figures, as breakdowns are recomputed behind the batches that changed them), cells
 * gone are deleted and the others upserted (a DELETE and an INSERT of the same key cannot share a
 * statement).
 */
const BREAKDOWN_REVISIONS_AND_UPSERT = `,
  old AS (SELECT b.* FROM weekly_breakdown b JOIN weeks w ON b.week_start = w.week_start),
  revised AS (
    INSERT INTO incidence_revision (week_start, setting, area_code, dimension, category, measure, old_value, new_value, reason)
    SELECT k.week_start, k.setting, k.area_code, k.dimension, k.category, m.measure, m.old_value, m.new_value,
           coalesce((SELECT r.reason FROM incidence_revision r WHERE r.week_start = k.week_start AND r.dimension = '' ORDER BY r.id DESC LIMIT 1), 'late event')
      FROM (SELECT coalesce(f.week_start, o.week_start) AS week_start, coalesce(f.setting, o.setting) AS setting,
                   coalesce(f.area_code, o.area_code) AS area_code, coalesce(f.dimension, o.dimension) AS dimension,
                   coalesce(f.category, o.category) AS category,
                   coalesce(o.children, 0) AS oc, coalesce(f.children, 0) AS nc, coalesce(o.episodes, 0) AS oe, coalesce(f.episodes, 0) AS ne,
                   coalesce(o.children_key, 0) AS ock, coalesce(f.children_key, 0) AS nck, coalesce(o.episodes_key, 0) AS oek, coalesce(f.episodes_key, 0) AS nek
              FROM fresh f FULL JOIN old o ON o.week_start = f.week_start AND o.setting = f.setting AND o.area_code = f.area_code
                                         AND o.dimension = f.dimension AND o.category = f.category) k
     CROSS JOIN LATERAL (VALUES ('children', k.oc, k.nc, k.ock <> k.nck), ('episodes', k.oe, k.ne, k.oek <> k.nek)) AS m(measure, old_value, new_value, key_moved)
     WHERE k.week_start <= (SELECT max(week_start) FROM bulletin) AND (m.old_value <> m.new_value OR m.key_moved)),
  gone AS (
    DELETE FROM weekly_breakdown b USING old o
     WHERE b.week_start = o.week_start AND b.setting = o.setting AND b.area_code = o.area_code AND b.dimension = o.dimension AND b.category = o.category
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.week_start = o.week_start AND f.setting = o.setting AND f.area_code = o.area_code
                                               AND f.dimension = o.dimension AND f.category = o.category))
  INSERT INTO weekly_breakdown AS b (week_start, setting, area_code, dimension, category, children, episodes, children_key, episodes_key)
  SELECT * FROM fresh ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (week_start, setting, area_code, dimension, category) DO UPDATE
    SET children = excluded.children, episodes = excluded.episodes, children_key = excluded.children_key, episodes_key = excluded.episodes_key
  WHERE (b.children, b.episodes, b.children_key, b.episodes_key) IS DISTINCT FROM (excluded.children, excluded.episodes, excluded.children_key, excluded.episodes_key)`;
