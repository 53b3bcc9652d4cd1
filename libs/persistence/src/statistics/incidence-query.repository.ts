import { CARE_MISSING_FILTER_VALUES } from '@mcm/shared';
import { childrenKeySql, episodesKeySql } from './cell-key-sql';
import { EntityManager } from 'typeorm';

/** A count and its cell key (the sum of its records' keys modulo 2^32), both exact: for libs/disclosure only. */
export interface KeyedFigure {
  value: number;
  key: number;
}

export interface WeeklyKeyedFigures {
  weekStart: string;
  children: KeyedFigure;
  started: KeyedFigure;
  ended: KeyedFigure;
  open: KeyedFigure;
}

/** The dimensions of the ad-hoc incidence query, and their columns in national_episode. */
export const INCIDENCE_DIMENSION_COLUMNS = {
  setting: 'setting',
  region: 'region_code',
  la: 'la_code',
  ageBand: 'age_band',
  sex: 'sex',
  ethnicityGroup: 'ethnicity_group',
  riskGrade: 'risk_grade',
  careMissingType: 'care_missing_type',
} as const;
/**
 * CARE episodes' SSDA903 missing type: M, A or NOT_STATED; NOT_APPLICABLE for HOME and EDUCATION
 * episodes (stored as null), so that grouping by it still partitions every episode.
 */
export const CARE_MISSING_TYPE_VALUES = CARE_MISSING_FILTER_VALUES;
export type IncidenceDimension = keyof typeof INCIDENCE_DIMENSION_COLUMNS;

export interface GroupedIncidenceQuery {
  granularity: 'week' | 'month';
  /** Week commencing of the first and last weeks that can hold the periods (bounds the scan). */
  firstWeek: string;
  lastWeek: string;
  /** The periods wanted: weeks commencing (YYYY-MM-DD) or months (YYYY-MM). */
  periods: string[];
  filters: Partial<Record<IncidenceDimension, string[]>>;
  groupBy: IncidenceDimension[];
}

export interface GroupedKeyedFigures {
  period: string;
  groups: Partial<Record<IncidenceDimension, string>>;
  children: KeyedFigure;
  episodes: KeyedFigure;
}

/** Cell keys of any set of national episodes: equal to those the aggregator keeps for the same records. */
const CHILDREN_KEY = childrenKeySql('e');
const EPISODES_KEY = episodesKeySql('e');

const keyed = (value: unknown, key: unknown): KeyedFigure => ({ value: Number(value), key: Number(key) });

/** Incidence figures with their cell keys, for the API (which publishes them through libs/disclosure). */
export class IncidenceQueryRepository {
  /** One area's (ALL, a region, an LA or UNKNOWN) figures for one setting (or ALL), per week with data. */
  async weekly(db: EntityManager, setting: string, area: string, from: string, to: string): Promise<WeeklyKeyedFigures[]> {
    const rows: Record<string, string | number>[] = await db.query(
      `SELECT week_start::text AS week_start, children, children_key, episodes_started, started_key, episodes_ended, ended_key, open_at_week_end, open_key
         FROM weekly_incidence WHERE setting = $1 AND area_code = $2 AND week_start BETWEEN $3::date AND $4::date ORDER BY week_start`,
      [setting, area, from, to],
    );
    return rows.map((r) => ({
      weekStart: String(r.week_start),
      children: keyed(r.children, r.children_key),
      started: keyed(r.episodes_started, r.started_key),
      ended: keyed(r.episodes_ended, r.ended_key),
      open: keyed(r.open_at_week_end, r.open_key),
    }));
  }

  async latestWeek(db: EntityManager): Promise<string | null> {
    const [row]: { week: string | null }[] = await db.query(`SELECT max(week_start)::text AS week FROM weekly_incidence`);
    return row.week;
  }

  /** Distinct children and episodes started per period and group, counted from the national episodes. */
  async grouped(db: EntityManager, query: GroupedIncidenceQuery): Promise<GroupedKeyedFigures[]> {
    const period = query.granularity === 'week' ? `e.start_week::text` : `to_char(e.started_at AT TIME ZONE 'Europe/London', 'YYYY-MM')`;
    const params: unknown[] = [query.firstWeek, query.lastWeek, query.periods];
    const where = ['e.start_week BETWEEN $1::date AND $2::date', `${period} = ANY($3::text[])`];
    for (const [dimension, values] of Object.entries(query.filters) as [IncidenceDimension, string[] | undefined][]) {
      if (values?.length) where.push(`${column(dimension)} = ANY($${params.push(values)}::text[])`);
    }
    const groups = query.groupBy.map((g) => `${column(g)} AS "${g}"`);
    const positions = [1, ...query.groupBy.map((_, i) => i + 2)].join(', ');
    const rows: Record<string, string | number>[] = await db.query(
      `SELECT ${period} AS period, ${[
        ...groups,
        'count(DISTINCT e.national_child_id)::int AS children',
        `${CHILDREN_KEY} AS children_key`,
        'count(*)::int AS episodes',
        `${EPISODES_KEY} AS episodes_key`,
      ].join(', ')}
         FROM national_episode e WHERE ${where.join(' AND ')}
        GROUP BY ${positions} ORDER BY ${positions}`,
      params,
    );
    return rows.map((r) => ({
      period: String(r.period),
      groups: Object.fromEntries(query.groupBy.map((g) => [g, String(r[g])])),
      children: keyed(r.children, r.children_key),
      episodes: keyed(r.episodes, r.episodes_key),
    }));
  }
}

/** The SQL of a dimension's value for episode `e`. */
function column(dimension: IncidenceDimension): string {
  const name = INCIDENCE_DIMENSION_COLUMNS[dimension];
  if (!name) throw new RangeError(`unknown incidence dimension ${String(dimension)}`);
  return dimension === 'careMissingType'
    ? `coalesce(e.${name}, CASE WHEN e.setting = 'CARE' THEN 'NOT_STATED' ELSE 'NOT_APPLICABLE' END)`
    : `e.${name}`;
}
