import { categoryLabel, ENGLAND, ENGLAND_AREA_CODE, measureLabel, SETTING_LABEL as SETTING_NAME, SETTINGS_WITH_ALL } from '@mcm/shared';
import { AreaRow, BreakdownRow, SettingKey } from './bulletin.model';

/** England, the categories' and the measures' words come from the vocabulary (@mcm/shared). */
export { categoryLabel, ENGLAND, measureLabel };

/** Settings in the order every output lists them. */
export const SETTINGS: readonly SettingKey[] = SETTINGS_WITH_ALL;

/**
 * Filter item of the `setting` column: 'ALL' is the filter's Total item. EDUCATION here means a
 * child missing during school (absent from school without explanation during the school day),
 * not the DfE's "children missing education" (not registered at any school): the labels say so.
 */
export const SETTING_LABEL: Record<SettingKey, string> = { ALL: 'Total', ...SETTING_NAME };

/** Words for sentences and table headers: "children going missing from care". */
export const SETTING_PHRASE: Record<SettingKey, string> = {
  ALL: 'from any setting',
  HOME: 'from home',
  CARE: 'from care',
  EDUCATION: 'during school',
};
export const SETTING_HEADER: Record<SettingKey, string> = { ALL: 'All settings', ...SETTING_NAME };
/** What each setting counts, in one sentence (the about section and the CSV's setting hint). */
export const SETTING_DEFINITION: Record<Exclude<SettingKey, 'ALL'>, string> = {
  HOME: 'Home: a child reported missing from home (by police, on a report from family or carers).',
  CARE: 'Care: a looked-after child missing from their placement (M, whereabouts unknown) or away from it without authorisation (A, whereabouts known).',
  EDUCATION:
    'During school: a child absent from school without explanation during the school day, reported by the school or council. ' +
    'This is not the DfE\'s "children missing education", who are not registered at any school.',
};

export type Dimension = BreakdownRow['dimension'];
export const DIMENSIONS: readonly Dimension[] = ['age_band_sex', 'ethnicity_group', 'risk_grade', 'duration_band', 'care_missing_type'];
export const DIMENSION_LABEL: Record<Dimension, string> = {
  age_band_sex: 'Age band and sex',
  ethnicity_group: 'Ethnicity group',
  risk_grade: 'Risk grade',
  duration_band: 'Duration band',
  care_missing_type: 'Missing from care: missing or away without authorisation',
};
/** The setting a breakdown counts: every setting, but CARE alone for the SSDA903 missing type. */
export const DIMENSION_SETTING: Record<Dimension, SettingKey> = {
  age_band_sex: 'ALL',
  ethnicity_group: 'ALL',
  risk_grade: 'ALL',
  duration_band: 'ALL',
  care_missing_type: 'CARE',
};

/**
 * Which episodes a breakdown counts (as the aggregator stores them): age and sex, ethnicity and
 * risk count episodes starting in the week; duration counts episodes ending in it, because an
 * episode's duration is known only once it ends.
 */
export const DIMENSION_EPISODES: Record<Dimension, 'started' | 'ended'> = {
  age_band_sex: 'started',
  ethnicity_group: 'started',
  risk_grade: 'started',
  duration_band: 'ended',
  care_missing_type: 'started',
};

/**
 * The wording of repeat missing, as the aggregator computes it (repeatFlags in libs/incidence):
 * a child counts when an episode of theirs starting this week is at least their third (in any
 * setting) to start in the 90 days ending with that episode's start.
 */
export const REPEAT_MISSING_LABEL = 'Children with an episode this week that was at least their third in 90 days';
export const REPEAT_MISSING_DEFINITION =
  'a child counts as repeat missing when an episode of theirs that started this week was at least their third missing episode (from any setting) ' +
  "to start in the 90 days up to and including that episode's start";
/** Return interviews are asked of episodes from home and from care only: schools do not hold them. */
export const RETURN_INTERVIEW_SCOPE = 'missing episodes from home or care';

/** Codes a caller may use for England in revisions ('ALL' in the incidence tables). */
export function isEnglandCode(code: string): boolean {
  return code === ENGLAND.code || code === ENGLAND_AREA_CODE;
}

/** Names of the areas of a bulletin by code, England included. */
export function areaNames(areas: readonly AreaRow[]): Map<string, string> {
  const names = new Map<string, string>([
    [ENGLAND.code, ENGLAND.name],
    [ENGLAND_AREA_CODE, ENGLAND.name],
  ]);
  for (const a of areas) names.set(a.code, a.name);
  return names;
}
