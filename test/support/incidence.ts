import { ScratchDatabase } from '../../tools/harness/src';

export interface IncidenceRow {
  weekCommencing: string;
  setting: string;
  la: string;
  children: number;
  episodesStarted: number;
  openAtWeekEnd: number;
}

const key = (r: IncidenceRow) => `${r.weekCommencing}|${r.setting}|${r.la}`;

export function sortRows<T extends IncidenceRow>(rows: T[]): IncidenceRow[] {
  return rows
    .map(({ weekCommencing, setting, la, children, episodesStarted, openAtWeekEnd }) => ({
      weekCommencing,
      setting,
      la,
      children,
      episodesStarted,
      openAtWeekEnd,
    }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * The weekly incidence table in the simulator's ground-truth shape: LA and England rows (the
 * simulator has no regions) with children, episodes started and open at week end.
 */
export async function readIncidence(query: Query | ScratchDatabase): Promise<IncidenceRow[]> {
  const run: Query = query instanceof ScratchDatabase ? (sql, params) => query.query(sql, params) : query;
  const rows = await run<{
    week_start: string;
    setting: string;
    area_code: string;
    children: number;
    episodes_started: number;
    open_at_week_end: number;
  }>(
    `SELECT week_start::text, setting, area_code, children, episodes_started, open_at_week_end FROM weekly_incidence
      WHERE area_code NOT LIKE 'E12%' AND (children > 0 OR episodes_started > 0 OR open_at_week_end > 0)`,
  );
  return sortRows(
    rows.map((r) => ({
      weekCommencing: r.week_start,
      setting: r.setting,
      la: r.area_code,
      children: r.children,
      episodesStarted: r.episodes_started,
      openAtWeekEnd: r.open_at_week_end,
    })),
  );
}

/** Everything a replay must leave unchanged, without ids or timestamps of processing. */
export async function snapshot(db: ScratchDatabase): Promise<Record<string, unknown>> {
  const [events] = await db.query<{ n: string }>('SELECT count(*) AS n FROM agency_event');
  return {
    events: Number(events.n),
    incidence: await readIncidence(db),
    nationalEpisodes: await db.query(
      `SELECT national_child_id, started_at, ended_at, setting, la_code, agency_episode_count FROM national_episode ORDER BY 1, 2`,
    ),
    agencyChildren: await db.query('SELECT agency_code, agency_child_ref, national_child_id FROM agency_child ORDER BY 1, 2'),
    agencyEpisodes: await db.query('SELECT * FROM agency_episode ORDER BY agency_code, agency_episode_ref'),
  };
}
