import type { AreaLevel, SettingOrAll } from '@mcm/shared';

/**
 * The weekly bulletin as handed to the renderers. Every figure is already disclosure-controlled
 * by the caller (the cell-key method of libs/disclosure): the renderers never perturb, round or
 * derive a published count.
 */
export type Published = number | 'c' | 'x' | 'z'; // already disclosure-controlled by the caller
export type SettingKey = SettingOrAll;
export type ReleaseStatus = 'provisional' | 'final' | 'revised';
export interface HeadlineRow {
  setting: SettingKey;
  children: number;
  episodes: number; // perturbed like every other cell
  previousWeek: { children: number; episodes: number };
  fourWeekAverage: { children: number; episodes: number }; // may be fractional: show 1 dp
  sameWeekLastYear: { children: number; episodes: number } | null; // null = no data a year ago
}
export interface AreaRow {
  level: AreaLevel;
  code: string;
  name: string; // England E92000001
  regionCode?: string;
  regionName?: string;
  oldLaCode?: string; // LA rows carry their region
  setting: SettingKey;
  children: Published;
  episodesStarted: Published;
  episodesEnded: Published;
  openAtWeekEnd: Published;
  ratePer10000?: Published; // children per 10,000 child population, when known
}
/** care_missing_type counts CARE episodes only ('Missing (M)', 'Away from placement without authorisation (A)', 'Missing type not stated'). */
export interface BreakdownRow {
  dimension: 'age_band_sex' | 'ethnicity_group' | 'risk_grade' | 'duration_band' | 'care_missing_type';
  category: string;
  /* e.g. '10-15 Female', 'Black', 'HIGH', 'Under 24 hours'; always includes 'Total' */ children: Published;
  episodes: Published;
}
/** repeatChildren: children with an episode starting this week that was at least their third to start in the 90 days up to its start. */
export interface RepeatMissing {
  children: Published;
  repeatChildren: Published;
  percent: number | 'c' | 'x';
}
/** Over episodes from HOME and CARE only (return interviews are not asked of schools): episodesEnded is theirs, not every setting's. */
export interface ReturnInterviews {
  episodesEnded: Published;
  offeredWithin72h: Published;
  percent: number | 'c' | 'x';
}
/**
 * A published cell whose published value changed: both values are published (perturbed) values,
 * never true ones. A breakdown cell names its `dimension` and `category` (measure `children` or
 * `episodes`); the weekly table's cells have neither.
 */
export interface Revision {
  weekCommencing: string;
  week: string;
  setting: SettingKey;
  areaCode: string;
  dimension?: string;
  category?: string;
  measure: string;
  previouslyPublished: number;
  published: number;
  revisedOn: string /* yyyy-mm-dd */;
  reason: 'late event' | 'linkage merge' | 'linkage split' | 'correction' | 'withdrawal' | string;
}
/** Reporting completeness of the agencies of one type in one region (never one agency); events rounded to 10, dates to the day. */
export interface CompletenessNote {
  agencyType: 'POLICE' | 'LOCAL_AUTHORITY' | 'SCHOOL';
  regionCode: string;
  regionName: string;
  eventsThisWeek: number;
  usualWeeklyEvents: number;
  meanLagHours: number | null;
  lastEventOn: string | null /* yyyy-mm-dd */;
  silentDays: number | null;
  flagged: boolean;
}
/** How the figures are protected: the method, its perturbation table and one plain sentence. */
export interface DisclosureNote {
  method: string;
  ptable: string;
  statement: string;
}
export interface TrendPoint {
  weekCommencing: string;
  week: string;
  setting: SettingKey;
  children: number;
  episodes: number;
}
export interface Bulletin {
  week: string; // '2026-W47'
  weekCommencing: string; // '2026-11-16'
  revision: number; // 0 = first publication; n = nth revision
  /**
   * provisional: built before the week's data was complete (docs/STATISTICS.md, "When a week is
   * complete"), superseded by the final edition; final: the first edition built once complete;
   * revised: a later edition of a week already published final.
   */
  releaseStatus: ReleaseStatus;
  publishedAt: string; // ISO instant
  nextReleaseAt: string;
  status: string; // 'Official statistics in development'
  methodologyUrl: string; // '/docs/STATISTICS.md' or a URL
  contact: string;
  disclosure: DisclosureNote;
  headline: HeadlineRow[]; // ALL, HOME, CARE, EDUCATION
  areas: AreaRow[]; // National + 9 regions + LAs, per setting (at least ALL)
  breakdowns: BreakdownRow[];
  repeatMissing: RepeatMissing;
  returnInterviews: ReturnInterviews;
  revisions: Revision[];
  completeness: CompletenessNote[];
  trend: TrendPoint[]; // 52 weeks ending with `week`, one point per setting per week
  provisionalWeeks: string[]; // week-commencing dates marked 'p': the shown weeks not yet complete
}
