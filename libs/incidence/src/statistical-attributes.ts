import {
  AGE_BANDS,
  ageOnLondonDate,
  CARE_MISSING_CATEGORIES,
  CARE_MISSING_LABEL,
  CareMissingCategory,
  CareMissingType,
  DURATION_BANDS,
  ETHNICITY_GROUPS,
  RISK_CATEGORIES,
  RiskGrade,
  Setting,
} from '@mcm/shared';

/**
 * How an episode falls into the categories the statistics break down by (docs/STATISTICS.md).
 * The categories themselves are the vocabulary's (libs/shared/src/vocabulary), re-exported here
 * for the callers that already import them from this library. Bands follow DfE's where DfE has
 * them; every boundary below is stated there, and the ones we chose are marked as ours.
 */
export { AGE_BANDS, CARE_MISSING_CATEGORIES, CARE_MISSING_LABEL, DURATION_BANDS, ETHNICITY_GROUPS };
export type { CareMissingCategory, CareMissingType };
/** Risk categories lowest first: an episode's risk is its members' highest. */
export const RISK_ORDER: readonly (RiskGrade | 'NOT_GRADED')[] = RISK_CATEGORIES;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Age in completed years at an instant, on its Europe/London calendar date (a birthday at 00:30
 * BST is that London date), from a full date of birth; a partial one gives null.
 */
export function ageAt(dateOfBirth: string | undefined, at: number): number | null {
  if (!dateOfBirth || dateOfBirth.length !== 10) return null;
  return ageOnLondonDate(dateOfBirth, at);
}

export function ageBand(dateOfBirth: string | undefined, at: number): (typeof AGE_BANDS)[number] {
  const age = ageAt(dateOfBirth, at);
  if (age === null || age < 0 || age > 17) return 'UNKNOWN';
  if (age < 1) return 'Under 1';
  if (age <= 4) return '1-4';
  if (age <= 9) return '5-9';
  if (age <= 15) return '10-15';
  return '16-17';
}

/** Duration bands, lower bound inclusive (ours): exactly 24 hours is "1-2 days". */
export function durationBand(startedAt: number, endedAt: number | null): (typeof DURATION_BANDS)[number] | null {
  if (endedAt === null) return null;
  const length = endedAt - startedAt;
  if (length < DAY) return 'Under 24 hours';
  if (length < 2 * DAY) return '1-2 days';
  if (length <= 7 * DAY) return '2-7 days';
  return 'Over 7 days';
}

/** DfE major ethnic groups from the DfE codes; Chinese counted under "Other" as in SSDA903. */
export function ethnicityGroup(code: string | undefined): (typeof ETHNICITY_GROUPS)[number] {
  if (!code) return 'UNKNOWN';
  if (code === 'REFU' || code === 'NOBT') return 'Refused or not obtained';
  if (code === 'CHNE' || code === 'OOTH') return 'Other';
  switch (code[0]) {
    case 'W':
      return 'White';
    case 'M':
      return 'Mixed';
    case 'A':
      return 'Asian';
    case 'B':
      return 'Black';
    default:
      return 'UNKNOWN';
  }
}

export function highestRisk(grades: (RiskGrade | null | undefined)[]): RiskGrade | 'NOT_GRADED' {
  let best: RiskGrade | 'NOT_GRADED' = 'NOT_GRADED';
  for (const g of grades) if (g && RISK_ORDER.indexOf(g) > RISK_ORDER.indexOf(best)) best = g;
  return best;
}

/**
 * Repeat missing (NCA usage of "3 or more in 90 days"): an episode is a repeat when it is at least
 * the child's third national episode (any setting) starting in the 90 days that end with its own
 * start, itself included. A child counts as "repeat missing" in a week when one of the episodes
 * starting in that week is a repeat.
 */
export const REPEAT_WINDOW_MS = 90 * DAY;
export const REPEAT_THRESHOLD = 3;

export function repeatFlags(starts: readonly number[]): boolean[] {
  return starts.map((start) => starts.filter((s) => s <= start && s > start - REPEAT_WINDOW_MS).length >= REPEAT_THRESHOLD);
}

/**
 * The settings whose episodes are followed by a return interview: statutory guidance (DfE 2014)
 * requires one after a child missing from home or from care returns; schools do not hold them,
 * so episodes counted under EDUCATION are outside the return-interview rate.
 */
export const RETURN_INTERVIEW_SETTINGS: readonly Setting[] = ['HOME', 'CARE'];

/**
 * The missing type of a CARE national episode from its members' (ours): M when any agency
 * recorded the child as missing (whereabouts unknown) during it, else A when one recorded the
 * child as away without authorisation, else NOT_STATED. Any order of members gives the same type.
 */
export function careMissingTypeOf(types: readonly (CareMissingType | null | undefined)[]): CareMissingCategory {
  if (types.includes('M')) return 'M';
  if (types.includes('A')) return 'A';
  return 'NOT_STATED';
}
