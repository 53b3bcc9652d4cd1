import { AgencyType, ChildAttributes, normaliseName } from '@mcm/shared';
import { nameDobKey, randomPostcode, TrueChild } from './population';
import { NICKNAMES } from './pools';
import { Rng } from './rng';
import { DAY, isCalendarDate, yearsAfter } from './time-utils';

/** Real noise: changes that survive normalisation and break exact matching. */
export type RealNoise =
  'NAME_TYPO' | 'NAMES_SWAPPED' | 'NICKNAME' | 'DOB_DIGIT' | 'DOB_TRANSPOSED' | 'DOB_PARTIAL' | 'NHS_MISSING' | 'UPN_MISSING' | 'POSTCODE_DIFFERENT';

/** How one agency recorded one child. Strings are as the agency writes them (cosmetic noise included). */
export interface RecordedIdentity {
  /** As first recorded. */
  initial: ChildAttributes;
  /** After a correction of the child's details (a name typo fixed), if the agency makes one. */
  corrected?: ChildAttributes;
  realNoise: RealNoise[];
}

/**
 * Name+DOB keys already in use, so noise never makes one child's record identical (on the
 * deterministic name+DOB key) to another child's: noise only ever splits, never falsely links.
 */
export class NameKeyGuard {
  private readonly owners = new Map<string, number>();

  claim(childIndex: number, givenName: string | undefined, familyName: string | undefined, dob: string | undefined): boolean {
    if (givenName === undefined || familyName === undefined || dob === undefined || dob.length !== 10) return true;
    const key = nameDobKey(givenName, familyName, dob);
    const owner = this.owners.get(key);
    if (owner !== undefined && owner !== childIndex) return false;
    this.owners.set(key, childIndex);
    return true;
  }
}

export interface IdentityContext {
  nowMs: number;
  windowStartMs: number;
  guard: NameKeyGuard;
  /** Codes of other local authorities in the child's region (a police record may name the placement area). */
  regionLaCodes: readonly string[];
  isCareChild: boolean;
}

interface Presence {
  nhs: number;
  upn: number;
  postcode: number;
  ethnicity: number;
  sex: number;
  la: number;
  unknownUpnCode: number;
}

const PRESENCE: Record<AgencyType, Presence> = {
  POLICE: { nhs: 0.6, upn: 0.03, postcode: 0.9, ethnicity: 0.7, sex: 0.98, la: 0.5, unknownUpnCode: 0 },
  LOCAL_AUTHORITY: { nhs: 0.85, upn: 0.8, postcode: 0.95, ethnicity: 0.95, sex: 1, la: 1, unknownUpnCode: 0.25 },
  SCHOOL: { nhs: 0.04, upn: 0.95, postcode: 0.9, ethnicity: 0.9, sex: 1, la: 0.7, unknownUpnCode: 0.25 },
};

/** Exact (noise-free apart from cosmetics) names and date of birth. */
interface Core {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

/**
 * One agency's record of a child: which fields it holds, real noise (with probabilities that
 * add up to roughly one record in five being hard to match exactly) and cosmetic noise.
 * With `exact`, names and date of birth carry cosmetic noise only.
 */
export function recordIdentity(rng: Rng, child: TrueChild, agencyType: AgencyType, ctx: IdentityContext, exact = false): RecordedIdentity {
  const presence = PRESENCE[agencyType];
  const realNoise: RealNoise[] = [];
  const style = cosmeticStyle(rng);

  let core: Core = { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth };
  let typoFixed: Core | undefined;
  if (!exact) {
    const noisy = noisyCore(rng, child, ctx, realNoise);
    if (noisy && ctx.guard.claim(child.index, noisy.core.givenName, noisy.core.familyName, noisy.core.dateOfBirth)) {
      core = noisy.core;
      if (noisy.typoOf !== undefined && rng.chance(0.5)) typoFixed = noisy.typoOf;
    } else {
      realNoise.length = 0;
    }
  }

  let nhsNumber: string | undefined;
  if (rng.chance(presence.nhs))
    nhsNumber = rng.chance(0.2) ? `${child.nhsNumber.slice(0, 3)} ${child.nhsNumber.slice(3, 6)} ${child.nhsNumber.slice(6)}` : child.nhsNumber;
  else realNoise.push('NHS_MISSING');
  let upn: string | undefined;
  if (child.upn !== undefined && rng.chance(presence.upn)) upn = rng.chance(0.05) ? child.upn.toLowerCase() : child.upn;
  else {
    if (child.upn !== undefined) realNoise.push('UPN_MISSING');
    if (rng.chance(presence.unknownUpnCode)) upn = `UN${rng.int(1, 5)}`;
  }
  let homePostcode: string | undefined;
  if (rng.chance(presence.postcode)) {
    let postcode = child.homePostcode;
    if (rng.chance(0.05)) {
      postcode = randomPostcode(rng, child.regionCode);
      if (postcode !== child.homePostcode) realNoise.push('POSTCODE_DIFFERENT');
    }
    homePostcode = cosmeticPostcode(rng, postcode);
  }
  let responsibleLaCode: string | undefined;
  if (rng.chance(presence.la)) {
    responsibleLaCode = child.responsibleLaCode;
    // A police force may record the area a looked-after child is placed in.
    if (agencyType === 'POLICE' && ctx.isCareChild && ctx.regionLaCodes.length > 1 && rng.chance(0.15)) {
      responsibleLaCode = rng.pick(ctx.regionLaCodes);
    }
  }
  const sex = rng.chance(presence.sex) ? child.sex : undefined;
  const ethnicity = rng.chance(presence.ethnicity) ? child.ethnicity : undefined;

  const render = (c: Core): ChildAttributes =>
    stripUndefined({
      nhsNumber,
      upn,
      givenName: cosmeticName(c.givenName, style),
      familyName: cosmeticName(c.familyName, style),
      dateOfBirth: c.dateOfBirth,
      sex,
      ethnicity,
      homePostcode,
      responsibleLaCode,
    });
  const initial = render(core);
  return { initial, corrected: typoFixed ? render(typoFixed) : undefined, realNoise };
}

function noisyCore(rng: Rng, child: TrueChild, ctx: IdentityContext, realNoise: RealNoise[]): { core: Core; typoOf?: Core } | null {
  const core: Core = { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth };
  let typoOf: Core | undefined;
  const r = rng.next();
  if (r < 0.06) {
    const fixed = { ...core };
    if (rng.chance(0.5)) core.givenName = typo(rng, core.givenName);
    else core.familyName = typo(rng, core.familyName);
    typoOf = fixed;
    realNoise.push('NAME_TYPO');
  } else if (r < 0.075) {
    [core.givenName, core.familyName] = [core.familyName, core.givenName];
    realNoise.push('NAMES_SWAPPED');
  } else if (r < 0.105 && NICKNAMES[child.givenName] !== undefined) {
    core.givenName = NICKNAMES[child.givenName];
    realNoise.push('NICKNAME');
  }
  const d = rng.next();
  if (d < 0.02) {
    const dob = dobDigitOff(rng, child.dateOfBirth, ctx);
    if (dob) {
      core.dateOfBirth = dob;
      realNoise.push('DOB_DIGIT');
    }
  } else if (d < 0.035) {
    const [y, m, day] = child.dateOfBirth.split('-');
    const swapped = `${y}-${day}-${m}`;
    if (day !== m && isCalendarDate(swapped) && dobAcceptable(swapped, ctx)) {
      core.dateOfBirth = swapped;
      realNoise.push('DOB_TRANSPOSED');
    }
  } else if (d < 0.065) {
    core.dateOfBirth = child.dateOfBirth.slice(0, 7);
    realNoise.push('DOB_PARTIAL');
  }
  return realNoise.length > 0 ? { core, typoOf } : null;
}

/** A noisy date of birth must still pass validation on every event: born before the window, under 18 at now. */
function dobAcceptable(dob: string, { nowMs, windowStartMs }: IdentityContext): boolean {
  return yearsAfter(dob, 18) > nowMs + DAY && Date.parse(`${dob}T00:00:00Z`) < windowStartMs - 2 * DAY;
}

function dobDigitOff(rng: Rng, dob: string, ctx: IdentityContext): string | null {
  const positions = [2, 3, 5, 6, 8, 9];
  for (let attempt = 0; attempt < 10; attempt++) {
    const p = rng.pick(positions);
    const digit = Number(dob[p]);
    const replacement = (digit + (rng.chance(0.5) ? 1 : 9)) % 10;
    const candidate = `${dob.slice(0, p)}${replacement}${dob.slice(p + 1)}`;
    if (isCalendarDate(candidate) && dobAcceptable(candidate, ctx)) return candidate;
  }
  return null;
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

/** A keying error that survives normalisation: substitution, deletion, doubling or transposition. */
export function typo(rng: Rng, name: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const letters = [...name];
    const positions = letters.map((c, i) => (/[a-z]/.test(c) ? i : -1)).filter((i) => i >= 0);
    if (positions.length === 0) break;
    const i = rng.pick(positions);
    const op = rng.int(0, 3);
    if (op === 0) letters[i] = rng.pick([...KEYBOARD_NEIGHBOURS[letters[i]]]);
    else if (op === 1 && positions.length > 3) letters.splice(i, 1);
    else if (op === 2) letters.splice(i, 0, letters[i]);
    else if (i + 1 < letters.length && /[a-z]/.test(letters[i + 1])) [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]];
    const result = letters.join('');
    if (normaliseName(result) !== normaliseName(name)) return result;
  }
  return `${name}e`;
}

interface CosmeticStyle {
  case: 'as-is' | 'upper' | 'lower';
  stripDiacritics: boolean;
  curlyApostrophe: boolean;
  padding: boolean;
  spacedHyphen: boolean;
}

/** One agency system writes names one way: the style is fixed per record. */
function cosmeticStyle(rng: Rng): CosmeticStyle {
  return {
    case: rng.weighted([
      ['as-is', 78],
      ['upper', 17],
      ['lower', 5],
    ] as const),
    stripDiacritics: rng.chance(0.35),
    curlyApostrophe: rng.chance(0.3),
    padding: rng.chance(0.05),
    spacedHyphen: rng.chance(0.1),
  };
}

/** Changes that normaliseName removes: case, diacritics, whitespace, apostrophe and hyphen forms. */
export function cosmeticName(name: string, style: CosmeticStyle): string {
  let out = name;
  if (style.stripDiacritics)
    out = out
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC');
  if (style.curlyApostrophe) out = out.replace(/'/g, '\u2019');
  if (style.spacedHyphen) out = out.replace(/-/g, ' - ');
  if (style.case === 'upper') out = out.toUpperCase();
  else if (style.case === 'lower') out = out.toLowerCase();
  if (style.padding) out = ` ${out.replace(/ /g, '  ')} `;
  return out;
}

/** Changes that postcode normalisation removes: case and spacing. */
export function cosmeticPostcode(rng: Rng, postcode: string): string {
  const r = rng.next();
  if (r < 0.1) return postcode.toLowerCase();
  if (r < 0.25) return postcode.replace(' ', '');
  if (r < 0.3) return postcode.replace(' ', '  ');
  return postcode;
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** Deterministic linkage keys of an identity (after normalisation), as the expected figures use them. */
export function exactKeys(identity: ChildAttributes, isUnknownUpn: (upn: string) => boolean): string[] {
  const keys: string[] = [];
  if (identity.nhsNumber !== undefined) keys.push(`N:${identity.nhsNumber.replace(/[\s-]/g, '')}`);
  if (identity.upn !== undefined && !isUnknownUpn(identity.upn)) keys.push(`U:${identity.upn.replace(/\s/g, '').toUpperCase()}`);
  if (identity.givenName !== undefined && identity.familyName !== undefined && identity.dateOfBirth?.length === 10) {
    keys.push(`D:${nameDobKey(identity.givenName, identity.familyName, identity.dateOfBirth)}`);
  }
  return keys;
}
