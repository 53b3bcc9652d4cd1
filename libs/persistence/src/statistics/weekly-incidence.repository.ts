import { cellKeySql, childrenKeySql, episodesKeySql } from './cell-key-sql';
import { IncidenceDeltas } from '@mcm/incidence';
import { referenceData, weekCommencing } from '@mcm/shared';
import { EntityManager } from 'typeorm';

const HORIZON_KEY = 'horizon';

/**
 * The weekly incidence table, kept exact inside each batch's transaction: level-1 cells (week,
 * setting, LA) and the totals above them (setting 'ALL'; regions; England as 'ALL') move by the
 * contributions of the national episodes the batch removed and added, and distinct children are
 * counted again from the episodes in the weeks where starts changed. \`rebuildAll\` computes the
 * same table from scratch; the integration tests hold the two equal.
 */
export class WeeklyIncidenceRepository {
  async horizonWeek(db: EntityManager): Promise<string | null> {
    const rows: { value: { week: string } }[] = await db.query('SELECT value FROM pipeline_state WHERE key = $1', [HORIZON_KEY]);
    return rows[0]?.value.week ?? null;
  }

  /**
   * Moves the horizon (the week of the latest reportedAt seen) forward and adds to `deltas` the
   * episodes open at the end of each week it gained. Runs before the batch changes any national
   * episode, so that the episodes it removes or adds are then counted up to the new horizon.
   */
  async advanceHorizon(db: EntityManager, latestReportedAt: number, deltas: IncidenceDeltas): Promise<string | null> {
    const previous = await this.horizonWeek(db);
    const candidate = weekCommencing(new Date(latestReportedAt));
    if (previous !== null && candidate <= previous) return previous;
    await db.query(`INSERT INTO pipeline_state (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
      HORIZON_KEY,
      JSON.stringify({ week: candidate }),
    ]);
    if (previous === null) return candidate;
    const gained: { week_start: string; setting: string; la_code: string; region_code: string; open: number; open_key: number }[] = await db.query(
      `SELECT w::date::text AS week_start, e.setting, e.la_code, e.region_code, count(*)::int AS open, sum(e.episode_key)::float8 AS open_key
         FROM national_episode e
         CROSS JOIN LATERAL generate_series(greatest(e.start_week, $1::date + 7),
                                            CASE WHEN e.end_week IS NULL THEN $2::date ELSE least(e.end_week - 7, $2::date) END,
                                            interval '7 days') AS w
        WHERE e.start_week <= $2::date AND (e.end_week IS NULL OR e.end_week > $1::date + 7)
        GROUP BY 1, 2, 3, 4`,
      [previous, candidate],
    );
    for (const g of gained) deltas.addOpen({ setting: g.setting, laCode: g.la_code, regionCode: g.region_code }, g.week_start, g.open, g.open_key);
    return candidate;
  }

  /**
   * Applies a batch's deltas to every cell they touch (level 1 and the totals above it).
   * Changes to weeks already published (up to `publishedThrough`) are recorded as revisions.
   * Returns the number of cells touched.
   */
  async apply(db: EntityManager, deltas: IncidenceDeltas, revision: RevisionContext): Promise<number> {
    const cells = deltas.list();
    if (cells.length === 0) return 0;
    const revising = revisesWeeks(
      cells.map((c) => c.weekStart),
      revision,
    );
    await db.query(
      `WITH d AS (SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[],
                                       $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[])
                    AS d(week_start, setting, area_code, children, started, ended, open, children_key, started_key, ended_key, open_key)),
            -- Looked up cell by cell: a batch touches a few thousand of the table's rows.
            old AS (SELECT w.* FROM d CROSS JOIN LATERAL (
                      SELECT * FROM weekly_incidence w WHERE w.week_start = d.week_start AND w.setting = d.setting AND w.area_code = d.area_code) w),
            v AS (
              SELECT d.week_start, d.setting, d.area_code, coalesce(o.children, 0) + d.children AS children,
                     coalesce(o.episodes_started, 0) + d.started AS started, coalesce(o.episodes_ended, 0) + d.ended AS ended,
                     coalesce(o.open_at_week_end, 0) + d.open AS open,
                     ${cellKeySql('coalesce(o.children_key, 0) + d.children_key')} AS children_key,
                     ${cellKeySql('coalesce(o.started_key, 0) + d.started_key')} AS started_key,
                     ${cellKeySql('coalesce(o.ended_key, 0) + d.ended_key')} AS ended_key,
                     ${cellKeySql('coalesce(o.open_key, 0) + d.open_key')} AS open_key
                FROM d LEFT JOIN old o USING (week_start, setting, area_code)),
            ${revising ? `${REVISIONS_OF_V_AGAINST_OLD('$12', '$13')},` : ''}
            gone AS (
              DELETE FROM weekly_incidence w USING v
               WHERE w.week_start = v.week_start AND w.setting = v.setting AND w.area_code = v.area_code
                 AND v.children = 0 AND v.started = 0 AND v.ended = 0 AND v.open = 0)
       ${UPSERT_FROM_V}`,
      [
        cells.map((c) => c.weekStart),
        cells.map((c) => c.setting),
        cells.map((c) => c.laCode),
        cells.map((c) => c.children),
        cells.map((c) => c.started),
        cells.map((c) => c.ended),
        cells.map((c) => c.open),
        cells.map((c) => c.childrenKey),
        cells.map((c) => c.startedKey),
        cells.map((c) => c.endedKey),
        cells.map((c) => c.openKey),
        ...(revising ? [revision.publishedThrough, revision.reason] : []),
      ],
    );
    return cells.length;
  }

  /**
   * Recomputes the whole table from the national episodes (every week up to the horizon): for
   * loading history in bulk and for checking the incremental path. Not used per batch.
   */
  async rebuildAll(db: EntityManager, horizonWeek: string, chunkWeeks = 26): Promise<void> {
    await db.query('DELETE FROM weekly_incidence');
    await db.query(
      `WITH opens AS (
         SELECT w::date AS week_start, e.setting, e.la_code AS area_code, count(*) AS open, ${episodesKeySql('e')} AS open_key
           FROM national_episode e
           CROSS JOIN LATERAL generate_series(e.start_week, least(coalesce(e.end_week - 7, $1::date), $1::date), interval '7 days') AS w
          GROUP BY 1, 2, 3),
       starts AS (
         SELECT start_week AS week_start, setting, la_code AS area_code, count(DISTINCT national_child_id) AS children, count(*) AS started,
                ${childrenKeySql('e')} AS children_key, ${episodesKeySql('e')} AS started_key
           FROM national_episode e GROUP BY 1, 2, 3),
       ends AS (SELECT end_week AS week_start, setting, la_code AS area_code, count(*) AS ended, ${episodesKeySql('e')} AS ended_key
                  FROM national_episode e WHERE end_week IS NOT NULL GROUP BY 1, 2, 3)
       INSERT INTO weekly_incidence (week_start, setting, area_code, children, episodes_started, episodes_ended, open_at_week_end,
                                     children_key, started_key, ended_key, open_key, updated_at)
       SELECT week_start, setting, area_code, coalesce(s.children, 0), coalesce(s.started, 0), coalesce(n.ended, 0), coalesce(o.open, 0),
              coalesce(s.children_key, 0), coalesce(s.started_key, 0), coalesce(n.ended_key, 0), coalesce(o.open_key, 0), now()
         FROM starts s FULL JOIN ends n USING (week_start, setting, area_code) FULL JOIN opens o USING (week_start, setting, area_code)`,
      [horizonWeek],
    );
    const weeks: { week: string }[] = await db.query('SELECT DISTINCT week_start::text AS week FROM weekly_incidence ORDER BY 1');
    for (let i = 0; i < weeks.length; i += chunkWeeks) {
      await this.recomputeTotals(
        db,
        weeks.slice(i, i + chunkWeeks).map((w) => w.week),
      );
    }
  }

  /**
   * Totals for whole weeks at once: over settings, and over LAs up to regions (E12) and England
   * ('ALL'). Distinct children are counted again from the episodes (they are not additive);
   * episode counts are summed from level 1.
   */
  private async recomputeTotals(db: EntityManager, weeks: string[]): Promise<void> {
    const regions = [...referenceData().localAuthorities.values()];
    await db.query(
      `WITH weeks AS (SELECT DISTINCT unnest($1::date[]) AS week_start),
            la_region AS (SELECT * FROM unnest($2::text[], $3::text[]) AS r(la_code, region_code)),
            starts AS (
              SELECT e.start_week AS week_start, coalesce(e.setting, 'ALL') AS setting,
                     CASE WHEN GROUPING(e.la_code) = 0 THEN e.la_code WHEN GROUPING(e.region_code) = 0 THEN e.region_code ELSE 'ALL' END AS area_code,
                     count(DISTINCT e.national_child_id) AS children, count(*) AS started,
                     ${childrenKeySql('e')} AS children_key, ${episodesKeySql('e')} AS started_key
                FROM national_episode e JOIN weeks w ON e.start_week = w.week_start
               GROUP BY GROUPING SETS ((e.start_week, e.setting), (e.start_week), (e.start_week, e.la_code),
                                       (e.start_week, e.setting, e.region_code), (e.start_week, e.region_code))
              -- Unknown LAs have an unknown region: that region's rows would repeat the LA's.
              HAVING NOT (GROUPING(e.region_code) = 0 AND e.region_code = 'UNKNOWN')),
            level1 AS (
              SELECT l.*, coalesce(r.region_code, 'UNKNOWN') AS region_code
                FROM weekly_incidence l JOIN weeks w ON l.week_start = w.week_start LEFT JOIN la_region r ON r.la_code = l.area_code
               WHERE l.setting <> 'ALL' AND l.area_code <> 'ALL' AND l.area_code NOT LIKE 'E12%'),
            sums AS (
              SELECT l.week_start, coalesce(l.setting, 'ALL') AS setting,
                     CASE WHEN GROUPING(l.area_code) = 0 THEN l.area_code WHEN GROUPING(l.region_code) = 0 THEN l.region_code ELSE 'ALL' END AS area_code,
                     sum(l.episodes_ended) AS ended, sum(l.open_at_week_end) AS open,
                     ${cellKeySql('sum(l.ended_key)')} AS ended_key, ${cellKeySql('sum(l.open_key)')} AS open_key
                FROM level1 l
               GROUP BY GROUPING SETS ((l.week_start, l.setting), (l.week_start), (l.week_start, l.area_code),
                                       (l.week_start, l.setting, l.region_code), (l.week_start, l.region_code))
              HAVING NOT (GROUPING(l.region_code) = 0 AND l.region_code = 'UNKNOWN')),
            v AS (
              SELECT week_start, setting, area_code, coalesce(s.children, 0)::int AS children, coalesce(s.started, 0)::int AS started,
                     coalesce(o.ended, 0)::int AS ended, coalesce(o.open, 0)::int AS open,
                     coalesce(s.children_key, 0) AS children_key, coalesce(s.started_key, 0) AS started_key,
                     coalesce(o.ended_key, 0) AS ended_key, coalesce(o.open_key, 0) AS open_key
                FROM starts s FULL JOIN sums o USING (week_start, setting, area_code)),
            old AS (
              SELECT w.* FROM weekly_incidence w JOIN weeks USING (week_start)
               WHERE w.setting = 'ALL' OR w.area_code = 'ALL' OR w.area_code LIKE 'E12%'),
            gone AS (
              DELETE FROM weekly_incidence w USING old
               WHERE w.week_start = old.week_start AND w.setting = old.setting AND w.area_code = old.area_code
                 AND NOT EXISTS (SELECT 1 FROM v WHERE v.week_start = w.week_start AND v.setting = w.setting AND v.area_code = w.area_code
                                   AND (v.children > 0 OR v.started > 0 OR v.ended > 0 OR v.open > 0)))
       ${UPSERT_FROM_V}`,
      [weeks, regions.map((r) => r.code), regions.map((r) => r.regionCode)],
    );
  }
}

/** Whether any of these weeks has been published: only then can a change be a revision. */
const revisesWeeks = (weeks: string[], revision: RevisionContext) =>
  revision.publishedThrough !== null && weeks.some((w) => w <= revision.publishedThrough!);

/** Which published weeks a batch may revise, and why it changes them. */
export interface RevisionContext {
  /** The latest week a bulletin has been published for, or null (nothing to revise yet). */
  publishedThrough: string | null;
  reason: string;
}

/**
 * A CTE recording, for weeks already published, each measure whose value in \`v\` differs from
 * \`old\` (the table before this statement; a row absent on either side counts as zeros), or whose
 * records changed with the count unchanged (its cell key moved): either can change the published
 * value, and the bulletin compares published values (docs/STATISTICS.md, Revisions).
 */
const REVISIONS_OF_V_AGAINST_OLD = (publishedThrough: string, reason: string) => `
  revised AS (
    INSERT INTO incidence_revision (week_start, setting, area_code, measure, old_value, new_value, reason)
    SELECT k.week_start, k.setting, k.area_code, m.measure, m.old_value, m.new_value, ${reason}::text
      FROM (SELECT coalesce(v.week_start, old.week_start) AS week_start, coalesce(v.setting, old.setting) AS setting,
                   coalesce(v.area_code, old.area_code) AS area_code,
                   coalesce(old.children, 0) AS oc, coalesce(v.children, 0) AS nc, coalesce(old.episodes_started, 0) AS os,
                   coalesce(v.started, 0) AS ns, coalesce(old.episodes_ended, 0) AS oe, coalesce(v.ended, 0) AS ne,
                   coalesce(old.open_at_week_end, 0) AS oo, coalesce(v.open, 0) AS no,
                   coalesce(old.children_key, 0) AS ock, coalesce(v.children_key, 0) AS nck, coalesce(old.started_key, 0) AS osk,
                   coalesce(v.started_key, 0) AS nsk, coalesce(old.ended_key, 0) AS oek, coalesce(v.ended_key, 0) AS nek,
                   coalesce(old.open_key, 0) AS ook, coalesce(v.open_key, 0) AS nok
              FROM v FULL JOIN old ON old.week_start = v.week_start AND old.setting = v.setting AND old.area_code = v.area_code) k
      CROSS JOIN LATERAL (VALUES ('children', k.oc, k.nc, k.ock <> k.nck), ('episodes_started', k.os, k.ns, k.osk <> k.nsk),
                                 ('episodes_ended', k.oe, k.ne, k.oek <> k.nek), ('open_at_week_end', k.oo, k.no, k.ook <> k.nok))
                   AS m(measure, old_value, new_value, key_moved)
     WHERE ${publishedThrough}::date IS NOT NULL AND k.week_start <= ${publishedThrough}::date AND (m.old_value <> m.new_value OR m.key_moved))`;

/** Writes the rows of CTE \`v\` that are not all zero; unchanged rows are left untouched. */
const UPSERT_FROM_V = `
  INSERT INTO weekly_incidence AS w (week_start, setting, area_code, children, episodes_started, episodes_ended, open_at_week_end,
                                     children_key, started_key, ended_key, open_key, updated_at)
  SELECT week_start, setting, area_code, children, started, ended, open, children_key, started_key, ended_key, open_key, now() FROM v
   WHERE children > 0 OR started > 0 OR ended > 0 OR open > 0
   ORDER BY 1, 2, 3
  ON CONFLICT (week_start, setting, area_code) DO UPDATE
    SET children = excluded.children, episodes_started = excluded.episodes_started, episodes_ended = excluded.episodes_ended,
        open_at_week_end = excluded.open_at_week_end, children_key = excluded.children_key, started_key = excluded.started_key,
        ended_key = excluded.ended_key, open_key = excluded.open_key, updated_at = now()
  WHERE (w.children, w.episodes_started, w.episodes_ended, w.open_at_week_end, w.children_key, w.started_key, w.ended_key, w.open_key)
        IS DISTINCT FROM (excluded.children, excluded.episodes_started, excluded.episodes_ended, excluded.open_at_week_end,
                          excluded.children_key, excluded.started_key, excluded.ended_key, excluded.open_key)`;
