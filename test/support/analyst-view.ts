import { isoWeekLabel } from '@mcm/shared';
import { AdhocAnswer, cellKey, Observations, weeklyKey, WEEKLY_MEASURES, WeeklyTable } from '../../tools/harness/src/adversary';
import { parse } from 'csv-parse/sync';

/**
 * What a role is shown by the running API, collected as the adversary suite's attacker (an
 * analyst) and its referee (a statistician: exact figures) ask it. Plain HTTP, as any client.
 */
export class ApiReader {
  requests = 0;
  refused = 0;

  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async get(path: string): Promise<{ status: number; text: string }> {
    this.requests++;
    // Retried once: the api may close an idle keep-alive socket just as it is reused.
    const send = () => fetch(`${this.base}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    const response = await send().catch(send);
    const text = await response.text();
    if (response.status === 400) this.refused++;
    else if (response.status !== 200) throw new Error(`${path}: ${response.status} ${text.slice(0, 200)}`);
    return { status: response.status, text };
  }

  async json<T>(path: string): Promise<T | undefined> {
    const { status, text } = await this.get(path);
    return status === 200 ? (JSON.parse(text) as T) : undefined;
  }
}

/** Runs `work` over `items`, `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

interface WeeklyBody {
  weeks: Record<string, unknown>[];
}

/** A weekly table filled from /v1/incidence/weekly answers (one per area and setting). */
export class ApiWeeklyTable implements WeeklyTable {
  readonly shownValues = new Map<string, number>();
  readonly trueValues = new Map<string, number>();

  constructor(
    readonly weeks: string[],
    readonly regionOf: Map<string, string>,
  ) {}

  shown(area: string, setting: string, week: string, measure: string): number | undefined {
    return this.shownValues.get(weeklyKey(area, setting, week, measure));
  }

  truth(area: string, setting: string, week: string, measure: string): number | undefined {
    return this.trueValues.get(weeklyKey(area, setting, week, measure));
  }

  static record(target: Map<string, number> | Observations, area: string, setting: string, body: WeeklyBody, source = 'weekly.json'): void {
    for (const week of body.weeks) {
      for (const measure of WEEKLY_MEASURES) {
        const key = weeklyKey(area, setting, String(week.weekCommencing), measure);
        if (target instanceof Observations) target.add(key, week[measure], source);
        else if (typeof week[measure] === 'number') target.set(key, week[measure] as number);
      }
    }
  }
}

/** The API's CSV answers as records keyed by column (csv-parse: RFC 4180, BOM). */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_column_count: true, skip_empty_lines: true });
}

const csvNumber = (v: string | undefined): unknown => (v === undefined || v === '' ? undefined : /^\d+$/.test(v) ? Number(v) : v);

/** The weekly CSV's cells, as observations of the same cells as the JSON's. */
export function recordWeeklyCsv(observations: Observations, area: string, setting: string, csv: string, source: string): void {
  const columns: Record<string, string> = {
    children: 'children_count',
    episodesStarted: 'episodes_started_count',
    episodesEnded: 'episodes_ended_count',
    episodesOpenAtWeekEnd: 'open_at_week_end_count',
  };
  for (const row of parseCsv(csv)) {
    for (const measure of WEEKLY_MEASURES)
      observations.add(weeklyKey(area, setting, row.week_commencing, measure), csvNumber(row[columns[measure]]), source);
  }
}

export interface AdhocSpec {
  filters: Record<string, string>;
  groupBy: string[];
  granularity: 'week' | 'month';
}

export function adhocPath(spec: AdhocSpec, from: string, to: string, csv = false): string {
  const params = new URLSearchParams({ from, to, granularity: spec.granularity, ...spec.filters });
  if (spec.groupBy.length) params.set('groupBy', spec.groupBy.join(','));
  return `/v1/incidence${csv ? '.csv' : ''}?${params}`;
}

interface AdhocBody {
  rows: { period: string; periodStart: string; groups: Record<string, string>; children: unknown; episodesStarted: unknown }[];
}

const periodOf = (spec: AdhocSpec, row: { period: string; periodStart: string }) => (spec.granularity === 'week' ? row.periodStart : row.period);

/** An /v1/incidence answer as the attack reads it (undefined values where not shown). */
export function adhocAnswer(spec: AdhocSpec, body: AdhocBody | undefined): AdhocAnswer {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    filters: spec.filters,
    groupBy: spec.groupBy,
    refused: body === undefined,
    rows: (body?.rows ?? []).map((r) => ({
      period: periodOf(spec, r),
      groups: r.groups,
      children: num(r.children),
      episodesStarted: num(r.episodesStarted),
    })),
  };
}

export function recordAdhoc(target: Map<string, number> | Observations, spec: AdhocSpec, body: AdhocBody | undefined, source: string): void {
  for (const r of body?.rows ?? []) {
    for (const measure of ['children', 'episodesStarted'] as const) {
      const key = cellKey(periodOf(spec, r), { ...spec.filters, ...r.groups }, measure);
      if (target instanceof Observations) target.add(key, r[measure], source);
      else if (typeof r[measure] === 'number') target.set(key, r[measure] as number);
    }
  }
}

export function recordAdhocCsv(observations: Observations, spec: AdhocSpec, csv: string, source: string): void {
  const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  for (const row of parseCsv(csv)) {
    const groups = Object.fromEntries(spec.groupBy.map((g) => [g, row[snake(g)]]));
    const period = spec.granularity === 'week' ? row.period_start : row.period;
    observations.add(cellKey(period, { ...spec.filters, ...groups }, 'children'), csvNumber(row.children_count), source);
    observations.add(cellKey(period, { ...spec.filters, ...groups }, 'episodesStarted'), csvNumber(row.episodes_started_count), source);
  }
}

export const weekLabel = isoWeekLabel;
