import { ChildAttributes, normaliseName, nhsCheckDigit, ReferenceData, upnCheckLetter } from '@mcm/shared';
import {
  CITY_OF_LONDON_LA,
  CITY_OF_LONDON_POLICE,
  ETHNICITY_WEIGHTS,
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  POLICE_FORCES_BY_REGION,
  POSTCODE_AREAS_BY_REGION,
  POSTCODE_INWARD_LETTERS,
} from './pools';
import { Rng } from './rng';
import { DAY, YEAR, yearsAfter } from './time-utils';

/** A real child of the simulation (the ground truth agencies only see through their records). */
export interface TrueChild {
  id: string;
  index: number;
  nhsNumber: string;
  upn?: string;
  givenName: string;
  familyName: string;
  /** Full YYYY-MM-DD. */
  dateOfBirth: string;
  sex: NonNullable<ChildAttributes['sex']>;
  ethnicity: NonNullable<ChildAttributes['ethnicity']>;
  /** Canonical "OUT IN". */
  homePostcode: string;
  responsibleLaCode: string;
  regionCode: string;
  laNumber: string;
  policeForceCode: string;
  schoolUrn: string;
}

export interface PopulationOptions {
  seed: number;
  children: number;
  /** Epoch ms of the end of the window (now). */
  nowMs: number;
  /** Epoch ms of the start of the window. */
  windowStartMs: number;
  reference: ReferenceData;
}

/** Longest window for which every child can be aged 5-17 throughout. */
export const MAX_WINDOW_DAYS = 12 * 365;

/** Schools per local authority in the simulated world (URNs are unique per school). */
const SCHOOLS_PER_LA = 8;

/** The linkage key the uniqueness guarantee is about: normalised names and full date of birth. */
export function nameDobKey(givenName: string, familyName: string, dateOfBirth: string): string {
  return `${normaliseName(givenName)}|${normaliseName(familyName)}|${dateOfBirth}`;
}

export function policeForceFor(laCode: string, regionCode: string): string {
  if (laCode === CITY_OF_LONDON_LA) return CITY_OF_LONDON_POLICE;
  const forces = POLICE_FORCES_BY_REGION[regionCode] ?? POLICE_FORCES_BY_REGION.E12000007;
  let h = 0;
  for (const c of laCode) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return forces[h % forces.length];
}

export function randomPostcode(rng: Rng, regionCode: string): string {
  const areas = POSTCODE_AREAS_BY_REGION[regionCode] ?? POSTCODE_AREAS_BY_REGION.E12000007;
  const letter = () => POSTCODE_INWARD_LETTERS[rng.int(0, POSTCODE_INWARD_LETTERS.length - 1)];
  return `${rng.pick(areas)}${rng.int(1, 29)} ${rng.int(0, 9)}${letter()}${letter()}`;
}

/**
 * N children with unique identities: unique valid NHS numbers, unique valid UPNs (for most
 * school-age children), and no two children sharing normalised names and full date of birth.
 * Each is aged 5-17 during the whole window, mostly 12-17.
 */
export function generatePopulation(options: PopulationOptions): TrueChild[] {
  const { seed, children, nowMs, windowStartMs, reference } = options;
  if (nowMs - windowStartMs > MAX_WINDOW_DAYS * DAY) throw new Error(`the window may be at most ${MAX_WINDOW_DAYS} days`);
  const windowYears = (nowMs - windowStartMs) / YEAR;
  const rng = Rng.for(seed, 'population');
  const las = [...reference.localAuthorities.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const nhsNumbers = new Set<string>();
  const upns = new Set<string>();
  const nameKeys = new Set<string>();
  // Ages at "now": under 18 with two days to spare, and at least 5 at the window start.
  const minAge = 5 + windowYears + 2 / 365;
  const maxAge = 18 - 3 / 365;
  const result: TrueChild[] = [];

  for (let index = 0; index < children; index++) {
    const laIndex = rng.int(0, las.length - 1);
    const la = las[laIndex];
    const sex = rng.weighted([
      ['M', 49],
      ['F', 50],
      ['U', 1],
    ] as const);
    let givenName = '';
    let familyName = '';
    let dateOfBirth = '';
    for (let attempt = 0; ; attempt++) {
      givenName = rng.pick(sex === 'M' || (sex === 'U' && rng.chance(0.5)) ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
      familyName = rng.pick(FAMILY_NAMES);
      dateOfBirth = birthDate(rng, nowMs, windowStartMs, minAge, maxAge);
      const key = nameDobKey(givenName, familyName, dateOfBirth);
      if (!nameKeys.has(key)) {
        nameKeys.add(key);
        break;
      }
      if (attempt > 1000) throw new Error('cannot find a unique name and date of birth');
    }
    const nhsNumber = uniqueNhsNumber(rng, nhsNumbers);
    const ageAtNow = (nowMs - Date.parse(`${dateOfBirth}T00:00:00Z`)) / YEAR;
    const hasUpn = rng.chance(ageAtNow < 16.5 ? 0.85 : 0.45);
    const upn = hasUpn ? uniqueUpn(rng, upns, la.laNumber, dateOfBirth) : undefined;
    result.push({
      id: `TC${String(index + 1).padStart(7, '0')}`,
      index,
      nhsNumber,
      upn,
      givenName,
      familyName,
      dateOfBirth,
      sex,
      ethnicity: rng.weighted(ETHNICITY_WEIGHTS),
      homePostcode: randomPostcode(rng, la.regionCode),
      responsibleLaCode: la.code,
      regionCode: la.regionCode,
      laNumber: la.laNumber,
      policeForceCode: policeForceFor(la.code, la.regionCode),
      schoolUrn: String(100000 + laIndex * SCHOOLS_PER_LA + rng.int(0, SCHOOLS_PER_LA - 1)),
    });
  }
  return result;
}

function birthDate(rng: Rng, nowMs: number, windowStartMs: number, minAge: number, maxAge: number): string {
  for (;;) {
    const low = Math.max(12, minAge);
    const age = low < maxAge && rng.chance(0.8) ? rng.between(low, maxAge) : rng.between(minAge, Math.max(minAge, Math.min(12, maxAge)));
    const dob = new Date(nowMs - age * YEAR).toISOString().slice(0, 10);
    // Exact calendar checks: under 18 at now (with a margin), at least 5 at the window start.
    if (yearsAfter(dob, 18) > nowMs + 2 * DAY && yearsAfter(dob, 5) <= windowStartMs) return dob;
  }
}

function uniqueNhsNumber(rng: Rng, used: Set<string>): string {
  for (;;) {
    const firstNine = String(rng.int(400_000_000, 799_999_999));
    const check = nhsCheckDigit(firstNine);
    if (check === null) continue;
    const nhs = `${firstNine}${check}`;
    if (!used.has(nhs)) {
      used.add(nhs);
      return nhs;
    }
  }
}

const UPN_SUFFIX_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function uniqueUpn(rng: Rng, used: Set<string>, laNumber: string, dateOfBirth: string): string {
  const year = String((Number(dateOfBirth.slice(0, 4)) + 4) % 100).padStart(2, '0');
  for (;;) {
    const establishment = String(rng.int(2000, 7999));
    // A temporary UPN ends in a letter.
    const last = rng.chance(0.03) ? rng.pick([...UPN_SUFFIX_LETTERS]) : String(rng.int(0, 9));
    const body = `${laNumber.padStart(3, '0')}${establishment}${year}${String(rng.int(0, 99)).padStart(2, '0')}${last}`;
    const upn = `${upnCheckLetter(body)}${body}`;
    if (!used.has(upn)) {
      used.add(upn);
      return upn;
    }
  }
}
