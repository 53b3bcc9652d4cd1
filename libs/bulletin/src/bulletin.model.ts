/**
 * The weekly bulletin as handed to the renderers. Every figure is already disclosure-controlled
 * by the caller: the renderers never suppress, round or derive a published cell.
 */
export type Published = number | 'c' | 'x' | 'z';     // already disclosure-controlled by the caller
export type SettingKey = 'ALL' | 'HOME' | 'CARE' | 'EDUCATION';
export interface HeadlineRow {
  setting: SettingKey;
  children: number; episodes: number;                 // national: published in full
  previousWeek: { children: number; episodes: number };
  fourWeekAverage: { children: number; episodes: number };   // may be fractional: show 1 dp
  sameWeekLastYear: { children: number; episodes: number } | null;  // null = no data a year ago
}
export interface AreaRow {
  level: 'National' | 'Regional' | 'Local authority';
  code: string; name: string;                          // England E92000001
  regionCode?: string; regionName?: string; oldLaCode?: string;  // LA rows carry their region
  setting: SettingKey;
  children: Published; episodesStarted: Published; episodesEnded: Published; openAtWeekEnd: Published;
  ratePer10000?: Published;                            // children per 10,000 child population, when known
}
export interface BreakdownRow { dimension: 'age_band_sex' | 'ethnicity_group' | 'risk_grade' | 'duration_band'; category: string; /* e.g. '10-15 Female', 'Black', 'HIGH', 'Under 24 hours'; always includes 'Total' */ children: Published; episodes: Published; }
export interface RepeatMissing { children: Published; repeatChildren: Published; percent: number | 'c' | 'x'; }   // repeat = 3+ episodes in 90 days
export interface ReturnInterviews { episodesEnded: Published; offeredWithin72h: Published; percent: number | 'c' | 'x'; }
export interface Revision { weekCommencing: string; week: string; setting: SettingKey; areaCode: string; measure: string; oldValue: number; newValue: number; changedAt: string; reason: 'late event' | 'linkage merge' | 'linkage split' | 'correction' | 'withdrawal' | string; }
export interface CompletenessNote { agencyType: 'POLICE' | 'LOCAL_AUTHORITY' | 'SCHOOL'; agencyCode: string; agencyName: string; lastEventAt: string | null; eventsThisWeek: number; usualWeeklyEvents: number; meanLagHours: number | null; silentDays: number | null; flagged: boolean; }
export interface TrendPoint { weekCommencing: string; week: string; setting: SettingKey; children: number; episodes: number; }
export interface Bulletin {
  week: string;                 // '2026-W47'
  weekCommencing: string;       // '2026-11-16'
  revision: number;             // 0 = first publication; n = nth revision
  publishedAt: string;          // ISO instant
  nextReleaseAt: string;
  status: string;               // 'Official statistics in development'
  methodologyUrl: string;       // '/docs/STATISTICS.md' or a URL
  contact: string;
  headline: HeadlineRow[];      // ALL, HOME, CARE, EDUCATION
  areas: AreaRow[];             // National + 9 regions + LAs, per setting (at least ALL)
  breakdowns: BreakdownRow[];
  repeatMissing: RepeatMissing;
  returnInterviews: ReturnInterviews;
  revisions: Revision[];
  completeness: CompletenessNote[];
  trend: TrendPoint[];          // 52 weeks ending with `week`, one point per setting per week
  provisionalWeeks: string[];   // week-commencing dates marked 'p' (e.g. the latest 4 weeks)
}
