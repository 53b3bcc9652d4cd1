import { AgencyFigures, CELL_KEY_SENTENCE, groupedCompleteness, perturb, PTABLE_V1 } from '@mcm/disclosure';
import { addWeeks, ENGLAND, isoWeekLabel, ReferenceData } from '@mcm/shared';
import { AreaRow, Bulletin, BreakdownRow, CompletenessNote, DisclosureNote, HeadlineRow, Published, Revision, SettingKey } from '../bulletin.model';
import { DIMENSIONS, SETTINGS } from '../labels';
import { WeekCompleteness } from '../release/release-rule';
import { BreakdownFigures, IncidenceFigures, RevisionFigures } from './figures';

export { SETTINGS };
type Measure = 'children' | 'started' | 'ended' | 'open';
const KEY_OF: Record<Measure, 'childrenKey' | 'startedKey' | 'endedKey' | 'openKey'> = {
  children: 'childrenKey',
  started: 'startedKey',
  ended: 'endedKey',
  open: 'openKey',
};

/** What the bulletin says about its method (JSON `disclosure`, the HTML's about section, the CSV's metadata). */
export const BULLETIN_DISCLOSURE: DisclosureNote = {
  method: 'Cell-key perturbation',
  ptable: PTABLE_V1.name,
  statement: CELL_KEY_SENTENCE,
};

export interface BulletinInputs {
  weekStart: string;
  /** Incidence rows per week start: the week, 4 before, the same week a year earlier, 52 for the trend. */
  incidence: Map<string, IncidenceFigures[]>;
  sameWeekLastYear: string;
  breakdowns: BreakdownFigures[];
  revisions: RevisionFigures[];
  agencies: AgencyFigures[];
  reference: ReferenceData;
  silentDaysFlag: number;
  methodologyUrl: string;
  contact: string;
  /** Where each week stands under the release rule (libs/bulletin): weeks not complete are marked p. */
  completeness: (weekStart: string) => WeekCompleteness;
  /** The week of the latest report received: "open at week end" is not known for later weeks (x). */
  horizonWeek: string | null;
}

/** The content of a bulletin: everything but its edition (number, status, time). */
export type BulletinContent = Omit<Bulletin, 'revision' | 'publishedAt' | 'releaseStatus'>;

/**
 * Everything but the publication metadata (`revision`, `publishedAt`), from figures already read.
 *
 * Every count is published through the cell-key method (libs/disclosure): a cell's published
 * value is perturb(true value, cell key), whichever table of the release (or the API, or the
 * dashboard) shows it, and totals are cells of their own. Nothing is suppressed, and no true
 * value leaves this function.
 */
export function assembleBulletin(input: BulletinInputs): BulletinContent {
  const { weekStart } = input;
  const cell = (week: string, area: string, setting: string) => input.incidence.get(week)?.find((r) => r.area === area && r.setting === setting);
  const published = (week: string, area: string, setting: string, m: Measure): number => {
    const c = cell(week, area, setting);
    return c ? perturb(c[m], c[KEY_OF[m]]) : 0;
  };
  const count = (week: string, setting: string) => ({
    children: published(week, 'ALL', setting, 'children'),
    episodes: published(week, 'ALL', setting, 'started'),
  });
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
  const trend = trendWeeks(weekStart).flatMap((week) =>
    SETTINGS.map((setting) => ({ weekCommencing: week, week: isoWeekLabel(week), setting, ...count(week, setting) })),
  );
  const breakdown = (dimension: string, category: string) => {
    const b = input.breakdowns.find((x) => x.dimension === dimension && x.category === category);
    return { children: b ? perturb(b.children, b.childrenKey) : 0, episodes: b ? perturb(b.episodes, b.episodesKey) : 0 };
  };
  const repeatTotal = breakdown('repeat_missing', 'Total').children;
  const repeatChildren = breakdown('repeat_missing', 'Repeat missing').children;
  const ended = breakdown('return_interview', 'Total').episodes;
  const offered = breakdown('return_interview', 'Offered within 72 hours').episodes;
  return {
    week: isoWeekLabel(weekStart),
    weekCommencing: weekStart,
    nextReleaseAt: nextRelease(weekStart),
    status: 'Official statistics in development',
    methodologyUrl: input.methodologyUrl,
    contact: input.contact,
    disclosure: BULLETIN_DISCLOSURE,
    headline,
    areas: areaRows(input, weekStart, published),
    breakdowns: input.breakdowns
      .filter((b) => (DIMENSIONS as readonly string[]).includes(b.dimension))
      .map((b): BreakdownRow => ({
        dimension: b.dimension as BreakdownRow['dimension'],
        category: b.category,
        ...breakdown(b.dimension, b.category),
      })),
    // Percentages of published counts: derived from what is published, they add nothing to it.
    repeatMissing: { children: repeatTotal, repeatChildren, percent: repeatTotal ? round1((100 * repeatChildren) / repeatTotal) : 'x' },
    returnInterviews: { episodesEnded: ended, offeredWithin72h: offered, percent: ended ? round1((100 * offered) / ended) : 'x' },
    revisions: revisions(input.revisions),
    completeness: completeness(input),
    trend,
    provisionalWeeks: trendWeeks(weekStart).filter((week) => input.completeness(week) !== 'complete'),
  };
}

/** England, every region and every LA, each setting and each measure: every one a cell of its own. */
function areaRows(
  input: BulletinInputs,
  weekStart: string,
  published: (week: string, area: string, setting: string, m: Measure) => number,
): AreaRow[] {
  const rate = (area: string, children: number): { ratePer10000?: number } => {
    const population = input.reference.childPopulationOf(area);
    return population === null ? {} : { ratePer10000: Math.round((children / population) * 100_000) / 10 };
  };
  // Beyond the data's horizon nothing says which episodes were still open: not available, never 0.
  const openKnown = input.horizonWeek !== null && weekStart <= input.horizonWeek;
  const figures = (area: string, setting: SettingKey) => {
    const children = published(weekStart, area, setting, 'children');
    const open: Published = openKnown ? published(weekStart, area, setting, 'open') : 'x';
    return {
      setting,
      children,
      episodesStarted: published(weekStart, area, setting, 'started'),
      episodesEnded: published(weekStart, area, setting, 'ended'),
      openAtWeekEnd: open,
      ...rate(area, children),
    };
  };
  const out: AreaRow[] = SETTINGS.map((setting) => ({ level: 'National', code: ENGLAND.code, name: ENGLAND.name, ...figures('ALL', setting) }));
  for (const region of [...input.reference.regions.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    for (const setting of SETTINGS) out.push({ level: 'Regional', code: region.code, name: region.name, ...figures(region.code, setting) });
    const las = [...input.reference.localAuthorities.values()]
      .filter((la) => la.regionCode === region.code)
      .sort((a, b) => a.code.localeCompare(b.code));
    for (const la of las) {
      for (const setting of SETTINGS) {
        out.push({
          level: 'Local authority',
          code: la.code,
          name: la.name,
          regionCode: region.code,
          regionName: region.name,
          oldLaCode: la.laNumber,
          ...figures(la.code, setting),
        });
      }
    }
  }
  return out;
}

/** The 52 weeks of the trend, ending with the bulletin's week. */
export const trendWeeks = (weekStart: string) => Array.from({ length: 52 }, (_, i) => addWeeks(weekStart, i - 51));

/**
 * Cells whose published value changed since a bulletin last published them: the value published
 * then (read back from that bulletin) and the value published now, both perturbed. A change of
 * the true value that leaves the published value alone is not listed (it was never visible).
 */
function revisions(figures: RevisionFigures[]): Revision[] {
  return figures.flatMap((r): Revision[] => {
    const now = perturb(r.value, r.key);
    if (now === r.previouslyPublished) return [];
    return [
      {
        weekCommencing: r.weekStart,
        week: isoWeekLabel(r.weekStart),
        setting: r.setting as SettingKey,
        areaCode: r.area === 'ALL' ? ENGLAND.code : r.area,
        ...(r.dimension ? { dimension: r.dimension, category: r.category } : {}),
        measure: r.measure,
        previouslyPublished: r.previouslyPublished,
        published: now,
        revisedOn: r.changedAt.toISOString().slice(0, 10),
        reason: r.reason,
      },
    ];
  });
}

/** Agencies grouped by type and region (never one agency), through the disclosure library's rounding. */
function completeness(input: BulletinInputs): CompletenessNote[] {
  return groupedCompleteness(input.agencies, input.reference, input.weekStart).map((g) => ({
    agencyType: g.agencyType as CompletenessNote['agencyType'],
    regionCode: g.regionCode === 'UNKNOWN' ? 'x' : g.regionCode,
    regionName: g.regionName,
    eventsThisWeek: g.eventsThisWeek,
    usualWeeklyEvents: g.usualWeeklyEvents,
    meanLagHours: g.meanLagHours,
    lastEventOn: g.lastEventDate,
    silentDays: g.silentDays,
    flagged:
      g.silentDays === null || g.silentDays > input.silentDaysFlag || (g.usualWeeklyEvents >= 20 && g.eventsThisWeek < g.usualWeeklyEvents / 2),
  }));
}

/** Published on the Monday after the week at 09:30 London time (our release convention). */
function nextRelease(weekStart: string): string {
  return `${addWeeks(weekStart, 2)}T09:30:00 Europe/London`;
}

const average = (values: number[]) => round1(values.reduce((a, b) => a + b, 0) / values.length);
const round1 = (n: number) => Math.round(n * 10) / 10;
