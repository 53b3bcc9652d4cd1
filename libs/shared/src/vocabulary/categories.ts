/**
 * The categories every output speaks in, defined once: the event contract's literals, the API's
 * filters and their OpenAPI enums, the SQL parameters that name them, the CSV and the bulletin
 * labels all take them from here (docs/STATISTICS.md defines what each one means).
 * A code is what is stored, sent and filtered on; a label is what a reader sees.
 */

/** Where a child went missing from. */
export const SETTINGS = ['HOME', 'CARE', 'EDUCATION'] as const;
export type Setting = (typeof SETTINGS)[number];
/**
 * EDUCATION is a child missing during school (absent without explanation during the school day),
 * not the DfE's "children missing education" (not registered at any school).
 */
export const SETTING_LABEL: Record<Setting, string> = { HOME: 'Home', CARE: 'Care', EDUCATION: 'During school' };
/** The code of "every setting, each child once" in the weekly tables and the API. */
export const ALL_SETTINGS = 'ALL' as const;
export const SETTINGS_WITH_ALL = [ALL_SETTINGS, ...SETTINGS] as const;
export type SettingOrAll = (typeof SETTINGS_WITH_ALL)[number];

/** Sex as agencies record it: U unknown or not stated. */
export const SEXES = ['M', 'F', 'U'] as const;
export type Sex = (typeof SEXES)[number];
/** The words of the age band and sex breakdown's categories ('10-15 Female'). */
export const SEX_LABEL: Record<Sex, string> = { M: 'Male', F: 'Female', U: 'Sex unknown' };

/** Age bands, DfE's where DfE has them (docs/STATISTICS.md); UNKNOWN without a full date of birth or outside 0-17. */
export const AGE_BANDS = ['Under 1', '1-4', '5-9', '10-15', '16-17', 'UNKNOWN'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Duration bands of an ended episode, lower bound inclusive. */
export const DURATION_BANDS = ['Under 24 hours', '1-2 days', '2-7 days', 'Over 7 days'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];

/** DfE ethnicity codes (SSDA903 / school census). */
export const ETHNICITY_CODES = [
  'WBRI',
  'WIRI',
  'WIRT',
  'WOTH',
  'WROM',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
] as const;
export type EthnicityCode = (typeof ETHNICITY_CODES)[number];
/** DfE major ethnic groups (codes and labels are the same words); UNKNOWN when no code was given. */
export const ETHNICITY_GROUPS = ['White', 'Mixed', 'Asian', 'Black', 'Other', 'Refused or not obtained', 'UNKNOWN'] as const;
export type EthnicityGroup = (typeof ETHNICITY_GROUPS)[number];

/** Police risk grades an agency may send, lowest first. */
export const RISK_GRADES = ['NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];
/** An episode's risk as the statistics count it: its highest grade, NOT_GRADED when none; lowest first. */
export const RISK_CATEGORIES = ['NOT_GRADED', ...RISK_GRADES] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** SSDA903 missing type of a looked-after child's episode: M missing, A away from placement without authorisation. */
export const CARE_MISSING_TYPES = ['M', 'A'] as const;
export type CareMissingType = (typeof CARE_MISSING_TYPES)[number];
/** A CARE national episode's missing type as the statistics count it; non-CARE episodes have none. */
export const CARE_MISSING_CATEGORIES = [...CARE_MISSING_TYPES, 'NOT_STATED'] as const;
export type CareMissingCategory = (typeof CARE_MISSING_CATEGORIES)[number];
/** The categories of the `care_missing_type` breakdown, in DfE's words (SSDA903 code in brackets). */
export const CARE_MISSING_LABEL: Record<CareMissingCategory, string> = {
  M: 'Missing (M)',
  A: 'Away from placement without authorisation (A)',
  NOT_STATED: 'Missing type not stated',
};
/** What /v1/incidence filters and groups the missing type by: NOT_APPLICABLE for HOME and EDUCATION episodes. */
export const CARE_MISSING_FILTER_VALUES = [...CARE_MISSING_CATEGORIES, 'NOT_APPLICABLE'] as const;
export type CareMissingFilterValue = (typeof CARE_MISSING_FILTER_VALUES)[number];

/** Upper-case codes ('HIGH', 'NO_APPARENT_RISK') read as words ('High', 'No apparent risk'); other categories are their own label. */
export function categoryLabel(category: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(category)) return category;
  const words = category.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
