import { AreaRow, Bulletin, BreakdownRow, CompletenessNote, HeadlineRow, Published, SettingKey } from '@mcm/bulletin';
import { DEFAULT_RULES, DisclosureRules, protectTable } from '@mcm/disclosure';
import { addWeeks, isoWeekLabel, ReferenceData } from '@mcm/shared';
import { AgencyFigures, agencyCompleteness, BreakdownFigures, IncidenceFigures, RevisionFigures } from '@mcm/persistence';

export const SETTINGS: SettingKey[] = ['ALL', 'HOME', 'CARE', 'EDUCATION'];
const LEVEL_SETTINGS = ['HOME', 'CARE', 'EDUCATION'] as const;
const ENGLAND = { code: 'E92000001', name: 'England' };
const MEASURES = ['children', 'started', 'ended', 'open'] as const;
type Measure = (typeof MEASURES)[number];

export interface BulletinInputs {
  weekStart: string;
  /** Incidence rows per week start: the week, 4 before, the same week a year earlier, 52 for the trend. */
  incidence: Map<string, IncidenceFigures[]>;
  sameWeekLastYear: string;
  breakdowns: BreakdownFigures[];
  revisions: RevisionFigures[];
  agencies: AgencyFigures[];
  reference: ReferenceData;
  rules?: DisclosureRules;
  silentDaysFlag: number;
  methodologyUrl: string;
  contact: string;
}

/** Everything but the publication metadata (`revision`, `publishedAt`), from figures already read. */
export function assembleBulletin(input: BulletinInputs): Omit<Bulletin, 'revision' | 'publishedAt'> {
  const { weekStart } = input;
  const national = (week: string, setting: string) => input.incidence.get(week)?.find((r) => r.area === 'ALL' && r.setting === setting);
  const count = (week: string, setting: string) => ({ children: national(week, setting)?.children ?? 0, episodes: national(week, setting)?.started ?? 0 });
  const headline: HeadlineRow[] = SETTINGS.map((setting) => {
    const previous4 = [1, 2, 3, 4].map((n) => count(addWeeks(weekStart, -n), setting));
    return {
      setting,
      ...count(weekStart, setting),
      previousWeek: count(addWeeks(weekStart, -1), setting),
      fourWeekAverage: { children: average(previous4.map((c) => c.children)), episodes: average(previous4.map((c) => c.episodes)) },
      sameWeekLastYear: input.incidence.get(input.sameWeekLastYear)?.length ? count(input.sameWeekLastYear, setting) : null,
    };
  });
  const trend = Array.from({ length: 52 }, (_, i) => addWeeks(weekStart, i - 51)).flatMap((week) =>
    SETTINGS.map((setting) => ({ weekCommencing: week, week: isoWeekLabel(week), setting, ...count(week, setting) })));
  const breakdown = (dimension: string, category: string) => input.breakdowns.find((b) => b.dimension === dimension && b.category === category);
  const repeatTotal = breakdown('repeat_missing', 'Total')?.children ?? 0;
  const repeatChildren = breakdown('repeat_missing', 'Repeat missing')?.children ?? 0;
  const ended = breakdown('return_interview', 'Total')?.episodes ?? 0;
  const offered = breakdown('return_interview', 'Offered within 72 hours')?.episodes ?? 0;
  return {
    week: isoWeekLabel(weekStart),
    weekCommencing: weekStart,
    nextReleaseAt: nextRelease(weekStart),
    status: 'Official statistics in development',
    methodologyUrl: input.methodologyUrl,
    contact: input.contact,
    headline,
    areas: areaRows(input, weekStart),
    breakdowns: input.breakdowns
      .filter((b) => ['age_band_sex', 'ethnicity_group', 'risk_grade', 'duration_band'].includes(b.dimension))
      .map((b): BreakdownRow => ({ dimension: b.dimension as BreakdownRow['dimension'], category: b.category, children: b.children, episodes: b.episodes })),
    repeatMissing: { children: repeatTotal, repeatChildren, percent: repeatTotal ? round1((100 * repeatChildren) / repeatTotal) : 'x' },
    returnInterviews: { episodesEnded: ended, offeredWithin72h: offered, percent: ended ? round1((100 * offered) / ended) : 'x' },
    revisions: input.revisions.map((r) => ({
      weekCommencing: r.weekStart, week: isoWeekLabel(r.weekStart), setting: r.setting as SettingKey, areaCode: r.area === 'ALL' ? ENGLAND.code : r.area,
      measure: r.measure, oldValue: r.oldValue, newValue: r.newValue, changedAt: r.changedAt.toISOString(), reason: r.reason,
    })),
    completeness: completeness(input),
    trend,
    provisionalWeeks: [0, 1, 2, 3].map((n) => addWeeks(weekStart, -n)),
  };
}

/**
 * National rows in full; for each region, its LAs x settings tables are disclosure-controlled
 * with the region's figures and the LAs' all-settings figures as the margins published beside them.
 */
function areaRows(input: BulletinInputs, weekStart: string): AreaRow[] {
  const rows = input.incidence.get(weekStart) ?? [];
  const value = (area: string, setting: string, m: Measure) => rows.find((r) => r.area === area && r.setting === setting)?.[m] ?? 0;
  const rate = (area: string, children: Published): { ratePer10000?: Published } => {
    const population = input.reference.childPopulationOf(area);
    if (population === null) return {};
    return { ratePer10000: typeof children === 'number' ? Math.round((children / population) * 100_000) / 10 : children };
  };
  const out: AreaRow[] = SETTINGS.map((setting) => ({
    level: 'National', code: ENGLAND.code, name: ENGLAND.name, setting,
    children: value('ALL', setting, 'children'), episodesStarted: value('ALL', setting, 'started'),
    episodesEnded: value('ALL', setting, 'ended'), openAtWeekEnd: value('ALL', setting, 'open'),
    ...rate('ALL', value('ALL', setting, 'children')),
  }));
  const rules = input.rules ?? DEFAULT_RULES;
  for (const region of [...input.reference.regions.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const las = [...input.reference.localAuthorities.values()].filter((la) => la.regionCode === region.code).sort((a, b) => a.code.localeCompare(b.code));
    const protectedBy = new Map<Measure, ReturnType<typeof protectTable>>();
    for (const m of MEASURES) {
      protectedBy.set(m, protectTable({
        rows: las.map((la) => la.code),
        columns: [...LEVEL_SETTINGS],
        values: las.map((la) => LEVEL_SETTINGS.map((s) => value(la.code, s, m))),
      }, rules));
    }
    // Children are distinct counts, not sums: an unsuppressed children margin is published as the
    // true distinct total (it can only be smaller than the sum, which hides cells further).
    const cell = (m: Measure, row: number, column: number): Published => {
      const t = protectedBy.get(m)!;
      if (row < 0 && column < 0) return m === 'children' && t.grandTotal !== 'c' ? value(region.code, 'ALL', m) : t.grandTotal;
      if (row < 0) return m === 'children' && t.columnTotals[column] !== 'c' ? value(region.code, LEVEL_SETTINGS[column], m) : t.columnTotals[column];
      if (column < 0) return m === 'children' && t.rowTotals[row] !== 'c' ? value(las[row].code, 'ALL', m) : t.rowTotals[row];
      return t.values[row][column];
    };
    const areaRow = (row: number, column: number): Omit<AreaRow, 'level' | 'code' | 'name' | 'setting'> => ({
      children: cell('children', row, column), episodesStarted: cell('started', row, column),
      episodesEnded: cell('ended', row, column), openAtWeekEnd: cell('open', row, column),
    });
    SETTINGS.forEach((setting, s) => {
      const row = areaRow(-1, s - 1);
      out.push({ level: 'Regional', code: region.code, name: region.name, setting, ...row, ...rate(region.code, row.children) });
    });
    las.forEach((la, r) => SETTINGS.forEach((setting, s) => {
      const row = areaRow(r, s - 1);
      out.push({
        level: 'Local authority', code: la.code, name: la.name, regionCode: region.code, regionName: region.name, oldLaCode: la.laNumber, setting,
        ...row, ...rate(la.code, row.children),
      });
    }));
  }
  return out;
}

function completeness(input: BulletinInputs): CompletenessNote[] {
  return input.agencies.map((figures) => {
    const note = agencyCompleteness(figures, input.reference, input.weekStart);
    return {
      ...note, agencyType: note.agencyType as CompletenessNote['agencyType'],
      flagged: note.silentDays === null || note.silentDays > input.silentDaysFlag,
    };
  });
}

/** Published on the Monday after the week at 09:30 London time (our release convention). */
function nextRelease(weekStart: string): string {
  return `${addWeeks(weekStart, 2)}T09:30:00 Europe/London`;
}

const average = (values: number[]) => round1(values.reduce((a, b) => a + b, 0) / values.length);
const round1 = (n: number) => Math.round(n * 10) / 10;
