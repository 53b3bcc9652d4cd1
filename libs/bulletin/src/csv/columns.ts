import { MEASURES } from '@mcm/shared';

/**
 * Columns of the bulletin's tidy CSV, in order, and its EES-style metadata.
 *
 * Weeks: `time_period` is the ISO year and `time_identifier` is `Week N` with N the ISO week
 * number (Monday to Sunday, Europe/London), `Week 53` included in ISO years that have 53
 * weeks. Explore Education Statistics has no `Week 53`, so that label is our choice; the
 * `week_commencing` column (yyyy-mm-dd, the Monday) on every row identifies each week
 * unambiguously, and `time_period` (ISO year) can differ from the calendar year of
 * `week_commencing` around New Year (2024-12-30 is 2025 Week 1).
 */

/** Observational units (time and geography): EES leaves these out of the meta file. */
export const TIME_GEOGRAPHY_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'new_la_code',
  'la_name',
  'old_la_code',
] as const;

export interface MetaColumn {
  col_name: string;
  col_type: 'Filter' | 'Indicator';
  label: string;
  indicator_grouping: string;
  indicator_unit: '' | '%' | 'pp';
  indicator_dp: string;
  filter_hint: string;
  filter_grouping_column: string;
}

const filter = (col_name: string, label: string, filter_hint: string, filter_grouping_column = ''): MetaColumn => ({
  col_name,
  col_type: 'Filter',
  label,
  indicator_grouping: '',
  indicator_unit: '',
  indicator_dp: '',
  filter_hint,
  filter_grouping_column,
});
const indicator = (col_name: string, label: string, indicator_grouping: string, dp: number, indicator_unit: '' | '%' = ''): MetaColumn => ({
  col_name,
  col_type: 'Indicator',
  label,
  indicator_grouping,
  indicator_unit,
  indicator_dp: String(dp),
  filter_hint: '',
  filter_grouping_column: '',
});

export const FILTER_COLUMNS: readonly MetaColumn[] = [
  filter('week_commencing', 'Week commencing', 'Monday of the ISO week (yyyy-mm-dd); it tells Week 53 apart, which EES does not have'),
  filter(
    'setting',
    'Setting',
    'Where the child went missing from: home, care, or during school (absent from school without explanation in the school day; not children missing education, who are not registered at any school); Total counts each child once',
  ),
  filter('breakdown', 'Breakdown', 'Characteristic the figures are broken down by; Total for no breakdown'),
  filter('category', 'Category', 'Item of the breakdown; Total for all items', 'breakdown'),
  filter('revision_status', 'Revision status', 'p provisional; r revised since first published; blank neither'),
  // Its hint is the bulletin's own plain sentence on the method (renderBulletinCsv fills it in).
  filter('disclosure_method', 'Disclosure control method', 'How the figures are protected'),
];

export const INDICATOR_COLUMNS: readonly MetaColumn[] = [
  indicator(MEASURES.children.csv, 'Children going missing', 'Children', 0),
  indicator(MEASURES.episodes_started.csv, 'Missing episodes started', 'Episodes', 0),
  indicator(MEASURES.episodes_ended.csv, 'Missing episodes ended', 'Episodes', 0),
  indicator(MEASURES.open_at_week_end.csv, 'Missing episodes open at the end of the week', 'Episodes', 0),
  indicator('children_rate_per_10000', 'Children going missing per 10,000 children', 'Children', 1),
  indicator(
    MEASURES.repeat_missing_children.csv,
    'Children with an episode this week that was at least their third to start in 90 days',
    'Repeat missing',
    0,
  ),
  indicator(
    'repeat_missing_percent',
    'Percentage of children going missing this week with an episode that was at least their third to start in 90 days',
    'Repeat missing',
    1,
    '%',
  ),
  indicator(
    'return_interview_episodes_ended_count',
    'Missing episodes from home or care ended (return interviews are not asked of schools)',
    'Return interviews',
    0,
  ),
  indicator(
    MEASURES.return_interview_offered_72h.csv,
    'Missing episodes from home or care ended with a return interview offered within 72 hours',
    'Return interviews',
    0,
  ),
  indicator(
    'return_interview_percent',
    'Percentage of missing episodes from home or care ended with a return interview offered within 72 hours',
    'Return interviews',
    1,
    '%',
  ),
];

/** The indicators: the count measures' CSV names (the vocabulary's) and the rates and denominators derived from them. */
export type IndicatorName =
  | Exclude<(typeof MEASURES)[keyof typeof MEASURES]['csv'], null>
  | 'children_rate_per_10000'
  | 'repeat_missing_percent'
  | 'return_interview_episodes_ended_count'
  | 'return_interview_percent';

export const DATA_COLUMNS: readonly string[] = [
  ...TIME_GEOGRAPHY_COLUMNS,
  ...FILTER_COLUMNS.map((c) => c.col_name),
  ...INDICATOR_COLUMNS.map((c) => c.col_name),
];

export const META_HEADER = [
  'col_name',
  'col_type',
  'label',
  'indicator_grouping',
  'indicator_unit',
  'indicator_dp',
  'filter_hint',
  'filter_grouping_column',
] as const;
