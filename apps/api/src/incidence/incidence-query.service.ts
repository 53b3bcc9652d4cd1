import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { protectSeries, Published } from '@mcm/disclosure';
import { addWeeks, isoWeekLabel, weekCommencing, weekStartOfLabel } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { failParameter, invalidParameter, MAX_WEEKS, weekStartOf } from '../common/parameters';
import { GroupBy, IncidenceQuery } from './incidence-query.dto';

const COLUMN: Record<GroupBy, string> = {
  setting: 'setting', region: 'region_code', la: 'la_code', ageBand: 'age_band', sex: 'sex', ethnicityGroup: 'ethnicity_group', riskGrade: 'risk_grade',
};
const FILTERS: [keyof IncidenceQuery, string][] = [['setting', 'setting'], ['ageBand', 'age_band'], ['sex', 'sex'], ['ethnicityGroup', 'ethnicity_group'], ['riskGrade', 'risk_grade']];
const MAX_MONTHS = 120;

export interface IncidenceRow {
  period: string;
  periodStart: string;
  groups: Partial<Record<GroupBy, string>>;
  children: Published;
  episodesStarted: Published;
  previous?: { period: string; children: Published; episodesStarted: Published };
}

interface Range { periods: string[]; firstWeek: string; lastWeek: string }

/**
 * Incidence over any range, by week or calendar month, filtered and grouped by setting, area and
 * the children's characteristics, counted from the national episodes (children are distinct per
 * period and group, which no sum of weekly figures could give).
 */
@Injectable()
export class IncidenceQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async query(query: IncidenceQuery, disclosure: 'protected' | 'unsuppressed'): Promise<{ query: IncidenceQuery; rows: IncidenceRow[] }> {
    const range = periodRange(query);
    const rows = await this.counts(query, range);
    if (query.compare) {
      const shift = query.compare === 'previous-year' ? (query.granularity === 'week' ? 52 : 12) : range.periods.length;
      const earlier = shiftRange(range, query.granularity, shift);
      const slot = (r: IncidenceRow) => (query.granularity === 'week' ? r.periodStart : r.period);
      const before = new Map((await this.counts(query, earlier)).map((r) => [key(r.groups, slot(r)), r]));
      rows.forEach((r) => {
        const period = earlier.periods[range.periods.indexOf(slot(r))];
        const match = before.get(key(r.groups, period));
        r.previous = { period: label(period, query.granularity), children: match?.children ?? 0, episodesStarted: match?.episodesStarted ?? 0 };
      });
    }
    const belowNational = Boolean(query.region || query.la || query.groupBy.includes('region') || query.groupBy.includes('la'));
    return { query, rows: disclosure === 'protected' && belowNational ? protectRows(rows) : rows };
  }

  private async counts(query: IncidenceQuery, range: Range): Promise<IncidenceRow[]> {
    const period = query.granularity === 'week' ? `e.start_week::text` : `to_char(e.started_at AT TIME ZONE 'Europe/London', 'YYYY-MM')`;
    const params: unknown[] = [range.firstWeek, range.lastWeek, range.periods];
    const where = ['e.start_week BETWEEN $1::date AND $2::date', `${period} = ANY($3::text[])`];
    for (const [field, column] of FILTERS) {
      const values = query[field] as string[] | undefined;
      if (values?.length) where.push(`e.${column} = ANY($${params.push(values)}::text[])`);
    }
    if (query.region) where.push(`e.region_code = $${params.push(query.region)}`);
    if (query.la) where.push(`e.la_code = $${params.push(query.la)}`);
    const groups = query.groupBy.map((g) => `e.${COLUMN[g]} AS "${g}"`);
    const rows: Record<string, string | number>[] = await this.db.query(
      `SELECT ${period} AS period, ${[...groups, 'count(DISTINCT e.national_child_id)::int AS children', 'count(*)::int AS episodes'].join(', ')}
         FROM national_episode e WHERE ${where.join(' AND ')}
        GROUP BY ${[1, ...query.groupBy.map((_, i) => i + 2)].join(', ')} ORDER BY ${[1, ...query.groupBy.map((_, i) => i + 2)].join(', ')}`,
      params,
    );
    return rows.map((r) => ({
      period: label(String(r.period), query.granularity),
      periodStart: query.granularity === 'week' ? String(r.period) : `${r.period}-01`,
      groups: Object.fromEntries(query.groupBy.map((g) => [g, String(r[g])])),
      children: Number(r.children),
      episodesStarted: Number(r.episodes),
    }));
  }
}

/** Below national level, each period's groups are protected together (primary and secondary). */
function protectRows(rows: IncidenceRow[]): IncidenceRow[] {
  const byPeriod = new Map<string, IncidenceRow[]>();
  for (const r of rows) (byPeriod.get(r.period) ?? byPeriod.set(r.period, []).get(r.period)!).push(r);
  for (const group of byPeriod.values()) {
    for (const measure of ['children', 'episodesStarted'] as const) {
      const published = protectSeries(group.map((r) => r[measure] as number)).values;
      group.forEach((r, i) => (r[measure] = published[i]));
      const previous = group.filter((r) => r.previous);
      if (previous.length) {
        const earlier = protectSeries(previous.map((r) => r.previous![measure] as number)).values;
        previous.forEach((r, i) => (r.previous![measure] = earlier[i]));
      }
    }
  }
  return rows;
}

function periodRange(query: IncidenceQuery): Range {
  if (query.granularity === 'week') {
    const [first, last] = [weekStartOf(query.from, 'from'), weekStartOf(query.to, 'to')];
    const count = Math.round((Date.parse(last) - Date.parse(first)) / (7 * 86_400_000)) + 1;
    if (count < 1) throw invalidParameter('from', 'from must not be after to');
    if (count > MAX_WEEKS) throw invalidParameter('from', `at most ${MAX_WEEKS} weeks can be asked for at once`);
    return { periods: Array.from({ length: count }, (_, i) => addWeeks(first, i)), firstWeek: first, lastWeek: last };
  }
  const [first, last] = [monthOf(query.from, 'from'), monthOf(query.to, 'to')];
  const count = monthIndex(last) - monthIndex(first) + 1;
  if (count < 1) throw invalidParameter('from', 'from must not be after to');
  if (count > MAX_MONTHS) throw invalidParameter('from', `at most ${MAX_MONTHS} months can be asked for at once`);
  return monthsRange(first, count);
}

function shiftRange(range: Range, granularity: 'week' | 'month', by: number): Range {
  if (granularity === 'week') {
    return { periods: range.periods.map((w) => addWeeks(w, -by)), firstWeek: addWeeks(range.firstWeek, -by), lastWeek: addWeeks(range.lastWeek, -by) };
  }
  return monthsRange(fromIndex(monthIndex(range.periods[0]) - by), range.periods.length);
}

function monthsRange(first: string, count: number): Range {
  const periods = Array.from({ length: count }, (_, i) => fromIndex(monthIndex(first) + i));
  const lastDay = new Date(Date.UTC(Number(periods[count - 1].slice(0, 4)), Number(periods[count - 1].slice(5, 7)), 0)).toISOString().slice(0, 10);
  return { periods, firstWeek: addWeeks(weekCommencing(new Date(`${first}-01T12:00:00Z`)), 0), lastWeek: weekCommencing(new Date(`${lastDay}T12:00:00Z`)) };
}

function monthOf(value: string, path: string): string {
  if (value.includes('W')) {
    const start = weekStartOfLabel(value) ?? failParameter(path, `${value} is not an ISO week`);
    return start.slice(0, 7);
  }
  const month = value.slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) failParameter(path, `${value} is not a month`);
  return month;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const fromIndex = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const label = (period: string, granularity: 'week' | 'month') => (granularity === 'week' ? isoWeekLabel(period) : period);
const key = (groups: Partial<Record<GroupBy, string>>, period: string) => `${period}|${JSON.stringify(groups)}`;
