import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, GroupedKeyedFigures, IncidenceDimension, IncidenceQueryRepository, InjectDataSource } from '@mcm/persistence';
import { DisclosureMode, DisclosureStatement, disclosureStatement, publishCount, shapeRefusal, ShapeRefusal, sparsityRefusal } from '@mcm/disclosure';
import { addWeeks, isoWeekLabel, weekCommencing, weekStartOfLabel } from '@mcm/shared';
import { failParameter, invalidParameter, MAX_WEEKS, weekStartOf } from '../common/parameters';
import { GroupBy, IncidenceQuery } from './incidence-query.dto';
import { ReleaseCalendarService } from './release-calendar.service';

const FILTERS = [
  'setting',
  'region',
  'la',
  'ageBand',
  'sex',
  'ethnicityGroup',
  'riskGrade',
  'careMissingType',
] as const satisfies readonly (keyof IncidenceQuery & IncidenceDimension)[];
const GEOGRAPHY = ['region', 'la'];
const MAX_MONTHS = 120;

export interface IncidenceRow {
  period: string;
  periodStart: string;
  groups: Partial<Record<GroupBy, string>>;
  children: number;
  episodesStarted: number;
  /** `p` when a week of the period is not complete under the release rule (or still in progress); null otherwise. */
  flag: 'p' | null;
  previous?: { period: string; children: number; episodesStarted: number };
}

export interface IncidenceAnswer {
  query: IncidenceQuery;
  disclosure: DisclosureStatement;
  rows: IncidenceRow[];
}

interface Range {
  periods: string[];
  firstWeek: string;
  lastWeek: string;
}

/**
 * Incidence over any range, by week or calendar month, filtered and grouped by setting, area and
 * the children's characteristics, counted from the national episodes (children are distinct per
 * period and group, which no sum of weekly figures could give). Every cell, at every level, is
 * published through its own cell key (libs/disclosure); the query-shape rules refuse tables too
 * fine or too sparse to publish. Statisticians get exact figures and no shape rules.
 */
@Injectable()
export class IncidenceQueryService {
  private readonly figures = new IncidenceQueryRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: ReleaseCalendarService,
  ) {}

  async query(query: IncidenceQuery, mode: DisclosureMode): Promise<IncidenceAnswer> {
    const filters = FILTERS.filter((f) => query[f] !== undefined && (!Array.isArray(query[f]) || (query[f] as string[]).length > 0));
    if (mode === 'cell-key') refuseIf(shapeRefusal({ dimensions: [...query.groupBy, ...filters], geographic: GEOGRAPHY }), 'groupBy');
    const range = periodRange(query);
    const cells = await this.cells(query, range);
    let earlierCells: Map<string, GroupedKeyedFigures> | undefined;
    let earlier: Range | undefined;
    if (query.compare) {
      const shift = query.compare === 'previous-year' ? (query.granularity === 'week' ? 52 : 12) : range.periods.length;
      earlier = shiftRange(range, query.granularity, shift);
      earlierCells = new Map((await this.cells(query, earlier)).map((c) => [key(c.groups, c.period), c]));
    }
    if (mode === 'cell-key') {
      const values = [...cells, ...(earlierCells?.values() ?? [])].flatMap((c) => [c.children.value, c.episodes.value]);
      refuseIf(sparsityRefusal(values), 'groupBy');
    }
    const calendar = await this.calendar.now();
    // Completeness only grows with a week's age: a period is complete when its last week is.
    const flag = (period: string): 'p' | null => (calendar.completeness(lastWeekOf(period, query.granularity)) === 'complete' ? null : 'p');
    const rows = cells.map((c): IncidenceRow => {
      const row: IncidenceRow = {
        period: label(c.period, query.granularity),
        periodStart: query.granularity === 'week' ? c.period : `${c.period}-01`,
        groups: c.groups,
        children: publishCount(c.children, mode),
        episodesStarted: publishCount(c.episodes, mode),
        flag: flag(c.period),
      };
      if (earlier && earlierCells) {
        const period = earlier.periods[range.periods.indexOf(c.period)];
        const match = earlierCells.get(key(c.groups, period));
        row.previous = {
          period: label(period, query.granularity),
          children: match ? publishCount(match.children, mode) : 0,
          episodesStarted: match ? publishCount(match.episodes, mode) : 0,
        };
      }
      return row;
    });
    return { query, disclosure: disclosureStatement(mode), rows };
  }

  private cells(query: IncidenceQuery, range: Range): Promise<GroupedKeyedFigures[]> {
    const filters: Partial<Record<IncidenceDimension, string[]>> = {};
    for (const f of FILTERS) {
      const value = query[f];
      if (value !== undefined) filters[f] = Array.isArray(value) ? value : [value];
    }
    return this.figures.grouped(this.db.manager, {
      granularity: query.granularity,
      firstWeek: range.firstWeek,
      lastWeek: range.lastWeek,
      periods: range.periods,
      filters,
      groupBy: query.groupBy,
    });
  }
}

/** A refused query shape: 400 problem details, its message never carrying a true value. */
function refuseIf(refusal: ShapeRefusal | null, path: string): void {
  if (refusal) throw new BadRequestException({ errors: [{ path, code: refusal.code, message: refusal.message }] });
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
    return {
      periods: range.periods.map((w) => addWeeks(w, -by)),
      firstWeek: addWeeks(range.firstWeek, -by),
      lastWeek: addWeeks(range.lastWeek, -by),
    };
  }
  return monthsRange(fromIndex(monthIndex(range.periods[0]) - by), range.periods.length);
}

function monthsRange(first: string, count: number): Range {
  const periods = Array.from({ length: count }, (_, i) => fromIndex(monthIndex(first) + i));
  const lastDay = new Date(Date.UTC(Number(periods[count - 1].slice(0, 4)), Number(periods[count - 1].slice(5, 7)), 0)).toISOString().slice(0, 10);
  return {
    periods,
    firstWeek: addWeeks(weekCommencing(new Date(`${first}-01T12:00:00Z`)), 0),
    lastWeek: weekCommencing(new Date(`${lastDay}T12:00:00Z`)),
  };
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

/** The week commencing of a period's last week (a week is its own; a month's holds its last day). */
function lastWeekOf(period: string, granularity: 'week' | 'month'): string {
  if (granularity === 'week') return period;
  const lastDay = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return weekCommencing(new Date(`${lastDay}T12:00:00Z`));
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const fromIndex = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const label = (period: string, granularity: 'week' | 'month') => (granularity === 'week' ? isoWeekLabel(period) : period);
const key = (groups: Partial<Record<GroupBy, string>>, period: string) => `${period}|${JSON.stringify(groups)}`;
