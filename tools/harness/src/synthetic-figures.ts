import { addWeeks, referenceData } from '@mcm/shared';
import { DataSource, KeyedWeeklyRow } from '@mcm/persistence';

/**
 * Figures written and read directly by the benchmarks (synthetic history in bulk, the true values
 * behind published cells), so that no benchmark holds SQL of its own but its raw-limit probes
 * (tools/bench/src/raw-limits.ts).
 */

/** Synthetic national episodes: 3,650 days back, durations mostly under a day, 1% still open. */
export async function loadHistory(dataSource: DataSource, episodes: number, lastWeek: string): Promise<void> {
  const las = [...referenceData().localAuthorities.values()];
  const lastDay = Date.parse(`${addWeeks(lastWeek, 1)}T00:00:00Z`);
  await dataSource.query(`CREATE TEMP TABLE las AS SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(la_code, region_code, n)`, [
    las.map((l) => l.code),
    las.map((l) => l.regionCode),
  ]);
  await dataSource.query(
    `INSERT INTO national_episode (national_child_id, started_at, ended_at, start_week, end_week, setting, la_code, agency_episode_count,
                                   region_code, age_band, sex, ethnicity_group, risk_grade, duration_band, return_interview_within_72h, repeat_missing,
                                   child_key, episode_key)
     SELECT child, s, e, date_trunc('week', s AT TIME ZONE 'Europe/London')::date, date_trunc('week', e AT TIME ZONE 'Europe/London')::date,
            (ARRAY['HOME','HOME','CARE','EDUCATION'])[1 + (g % 4)], las.la_code, 1, las.region_code,
            (ARRAY['10-15','16-17','5-9','1-4'])[1 + (g % 4)], (ARRAY['F','M'])[1 + (g % 2)],
            (ARRAY['White','Black','Asian','Mixed','Other'])[1 + (g % 5)], (ARRAY['LOW','MEDIUM','HIGH','NOT_GRADED'])[1 + (g % 4)],
            CASE WHEN e IS NULL THEN NULL WHEN e - s < interval '1 day' THEN 'Under 24 hours' WHEN e - s < interval '2 days' THEN '1-2 days'
                 WHEN e - s <= interval '7 days' THEN '2-7 days' ELSE 'Over 7 days' END,
            g % 3 = 0, g % 7 = 0,
            -- Record keys: any uniform 32-bit values do for a benchmark (the aggregator derives its own).
            ('x' || substr(md5('c' || child), 1, 8))::bit(32)::bigint, ('x' || substr(md5('e' || g), 1, 8))::bit(32)::bigint
       FROM (SELECT g, (g::bigint * 7919) % ($1::int / 5) AS child,
                    to_timestamp($2::float8 / 1000 - random() * 3650 * 86400) AS s, g % 100 = 0 AS open, random() AS r
               FROM generate_series(1, $1::int) AS g) x
       CROSS JOIN LATERAL (SELECT CASE WHEN x.open THEN NULL ELSE x.s + (-ln(1 - x.r * 0.999) * interval '14 hours') END AS e) d
       JOIN las ON las.n = 1 + (x.g % ${las.length})
      WHERE x.s < to_timestamp($2::float8 / 1000)`,
    [episodes, lastDay],
  );
  await dataSource.query(
    `INSERT INTO agency_activity (agency_code, week_start, agency_type, events, lag_hours_sum, last_reported_at)
     SELECT la_code, w::date, 'LOCAL_AUTHORITY', 40, 40 * 6.5, w + interval '6 days' FROM las, generate_series($1::date - 3640, $1::date, interval '7 days') AS w`,
    [lastWeek],
  );
  await analyzeAfterBulkLoad(dataSource);
}

/** Weeks in which any national episode started, oldest first. */
export async function episodeStartWeeks(dataSource: DataSource): Promise<string[]> {
  const rows: { week: string }[] = await dataSource.query('SELECT DISTINCT start_week::text AS week FROM national_episode ORDER BY 1');
  return rows.map((r) => r.week);
}

/** Adds one to England's children in a week (every setting 'ALL' row): a change that makes the next bulletin a new edition. */
export async function nudgeEnglandChildren(dataSource: DataSource, weekStart: string): Promise<void> {
  await dataSource.query(`UPDATE weekly_incidence SET children = children + 1 WHERE week_start = $1 AND setting = 'ALL' AND area_code = 'ALL'`, [
    weekStart,
  ]);
}

export interface WeeklyTruth {
  setting: string;
  area_code: string;
  children: number;
  episodes_started: number;
  episodes_ended: number;
  open_at_week_end: number;
}

/** The true weekly figures of every cell of a week. */
export function weeklyTruth(dataSource: DataSource, weekStart: string): Promise<WeeklyTruth[]> {
  return dataSource.query(
    'SELECT setting, area_code, children, episodes_started, episodes_ended, open_at_week_end FROM weekly_incidence WHERE week_start = $1',
    [weekStart],
  );
}

/** Refreshes the planner's statistics after a bulk load (VACUUM ANALYZE of one table, or ANALYZE of every table). */
export async function analyzeAfterBulkLoad(dataSource: DataSource, table?: 'weekly_incidence'): Promise<void> {
  await dataSource.query(table ? `VACUUM ANALYZE ${table}` : 'ANALYZE');
}

/** How many weekly cells and weeks the figures hold. */
export async function weeklyCellCount(dataSource: DataSource): Promise<{ cells: number; weeks: number }> {
  const [row]: { cells: number; weeks: number }[] = await dataSource.query(
    'SELECT count(*)::int AS cells, count(DISTINCT week_start)::int AS weeks FROM weekly_incidence',
  );
  return row;
}

export type { KeyedWeeklyRow };

/** Every weekly cell with its keys, by week. */
export function everyKeyedWeeklyRow(dataSource: DataSource): Promise<KeyedWeeklyRow[]> {
  return dataSource.query(
    `SELECT week_start::text, setting, area_code, children, episodes_started, episodes_ended, open_at_week_end,
            children_key::text, started_key::text, ended_key::text, open_key::text FROM weekly_incidence ORDER BY week_start`,
  );
}
