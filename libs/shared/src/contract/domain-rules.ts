import { AGENCY_CODE_PATTERNS } from '../agency/agency-codes';
import { isUnknownUpnCode, isValidNhsNumber, isValidUpn } from '../identifiers';
import { normalisePostcode } from '../normalise';
import { ReferenceData } from '../reference';
import { eighteenthBirthday, latestBirthDate } from '../time/age';
import { AgencyEvent } from './agency-event.v1';
import { RejectionReason } from './rejection';

export interface DomainRuleOptions {
  reference: ReferenceData;
  now: Date;
  /** Tolerated clock skew for timestamps ahead of the receiver's clock. */
  maxClockSkewMs: number;
  /** The plausibility window: an instant more than this many years before `now` is TIMESTAMP_TOO_OLD (default 10). */
  maxEventAgeYears?: number;
}

export const DEFAULT_MAX_EVENT_AGE_YEARS = 10;

/** The earliest instant the plausibility window allows: `now` less whole calendar years (UTC). */
export function earliestPlausibleMs(now: Date, years = DEFAULT_MAX_EVENT_AGE_YEARS): number {
  const earliest = new Date(now.getTime());
  earliest.setUTCFullYear(earliest.getUTCFullYear() - years);
  return earliest.getTime();
}

/**
 * Rules JSON Schema cannot express. Runs only on events that already match the schema. A reason
 * never repeats a value of the event (only the agency's own code, which is not personal data).
 */
export function checkDomainRules(event: AgencyEvent, options: DomainRuleOptions): RejectionReason[] {
  return [
    ...checkAgencyCode(event.agency, options.reference),
    ...checkIdentifiers(event, options.reference),
    ...checkTimes(event, options),
    ...checkAge(event),
    ...checkKindFields(event),
  ];
}

/** Whether a code is a known agency of that type (also used when an agency is onboarded). */
export function checkAgencyCode(agency: AgencyEvent['agency'], reference: ReferenceData): RejectionReason[] {
  if (!AGENCY_CODE_PATTERNS[agency.type].test(agency.code)) {
    return [{ path: '/agency/code', code: 'AGENCY_TYPE_CODE_MISMATCH', message: `code ${agency.code} is not a ${agency.type} code` }];
  }
  if (agency.type === 'POLICE' && !reference.policeForces.has(agency.code)) {
    return [
      {
        path: '/agency/code',
        code: 'UNKNOWN_POLICE_FORCE',
        message: `${agency.code} is not a police force area in reference data ${reference.version}`,
      },
    ];
  }
  if (agency.type === 'LOCAL_AUTHORITY' && !reference.localAuthorities.has(agency.code)) {
    return [
      {
        path: '/agency/code',
        code: 'UNKNOWN_LOCAL_AUTHORITY',
        message: `${agency.code} is not a children's services authority in reference data ${reference.version}`,
      },
    ];
  }
  return [];
}

function checkIdentifiers({ child }: AgencyEvent, reference: ReferenceData): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  if (child.nhsNumber !== undefined && !isValidNhsNumber(child.nhsNumber)) {
    reasons.push({ path: '/child/nhsNumber', code: 'NHS_NUMBER_CHECK_DIGIT', message: 'NHS number fails the Modulus 11 check' });
  }
  if (child.upn !== undefined && !isUnknownUpnCode(child.upn) && !isValidUpn(child.upn)) {
    reasons.push({ path: '/child/upn', code: 'UPN_CHECK_LETTER', message: 'UPN check letter does not match' });
  }
  if (child.responsibleLaCode !== undefined && !reference.localAuthorities.has(child.responsibleLaCode)) {
    reasons.push({
      path: '/child/responsibleLaCode',
      code: 'UNKNOWN_LOCAL_AUTHORITY',
      message: `not a children's services authority in reference data ${reference.version}`,
    });
  }
  if (child.homePostcode !== undefined && normalisePostcode(child.homePostcode) === null) {
    reasons.push({ path: '/child/homePostcode', code: 'INVALID_POSTCODE', message: 'not a UK postcode' });
  }
  return reasons;
}

function checkTimes(event: AgencyEvent, { now, maxClockSkewMs, maxEventAgeYears }: DomainRuleOptions): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  const latest = now.getTime() + maxClockSkewMs;
  const earliest = earliestPlausibleMs(now, maxEventAgeYears);
  const instants: [string, string | undefined][] = [
    ['/occurredAt', event.occurredAt],
    ['/reportedAt', event.reportedAt],
    ['/missingSince', event.missingSince],
    ['/correction/missingFrom', event.correction?.missingFrom],
    ['/correction/returnedAt', event.correction?.returnedAt],
  ];
  for (const [path, value] of instants) {
    if (value !== undefined && Date.parse(value) > latest) {
      reasons.push({ path, code: 'TIMESTAMP_IN_FUTURE', message: "later than the receiver's clock allows" });
    }
    if (value !== undefined && Date.parse(value) < earliest) {
      reasons.push({ path, code: 'TIMESTAMP_TOO_OLD', message: 'earlier than the plausibility window allows' });
    }
  }
  if (Date.parse(event.reportedAt) < Date.parse(event.occurredAt) - maxClockSkewMs) {
    reasons.push({ path: '/reportedAt', code: 'REPORTED_BEFORE_OCCURRED', message: 'reportedAt is before occurredAt' });
  }
  if (event.kind === 'RETURNED' && event.missingSince !== undefined && Date.parse(event.occurredAt) < Date.parse(event.missingSince)) {
    reasons.push({ path: '/occurredAt', code: 'RETURN_BEFORE_START', message: 'the return is before the episode started (missingSince)' });
  }
  const { missingFrom, returnedAt } = event.correction ?? {};
  if (missingFrom !== undefined && returnedAt !== undefined && Date.parse(returnedAt) < Date.parse(missingFrom)) {
    reasons.push({ path: '/correction/returnedAt', code: 'RETURN_BEFORE_START', message: 'corrected return is before the corrected start' });
  }
  return reasons;
}

/**
 * The start of the episode an event states, when it states one: the age rule applies there, so a
 * child who turns 18 while missing can still be reported back, corrected or withdrawn. RETURNED
 * states it in `missingSince`, a correction in `correction.missingFrom`; a withdrawal never.
 */
export function statedEpisodeStart(event: AgencyEvent): string | undefined {
  if (event.kind === 'MISSING_REPORTED') return event.occurredAt;
  if (event.kind === 'RETURNED') return event.missingSince;
  if (event.kind === 'EPISODE_CORRECTED') return event.correction?.missingFrom;
  return undefined;
}

function checkAge(event: AgencyEvent): RejectionReason[] {
  const { child, occurredAt } = event;
  if (child.dateOfBirth === undefined) return [];
  const latest = latestBirthDate(child.dateOfBirth);
  if (latest === null) return [{ path: '/child/dateOfBirth', code: 'INVALID_DATE_OF_BIRTH', message: 'the date of birth is not a calendar date' }];
  if (latest.getTime() > Date.parse(occurredAt) && child.dateOfBirth.length === 10) {
    return [{ path: '/child/dateOfBirth', code: 'BORN_AFTER_EVENT', message: 'date of birth is after occurredAt' }];
  }
  // Even the latest possible birth date makes the child 18 or over at the episode's start (00:00
  // London time on the birthday): certainly not a child when the episode began.
  const start = statedEpisodeStart(event);
  if (start !== undefined && eighteenthBirthday(latest).getTime() <= Date.parse(start)) {
    return [{ path: '/child/dateOfBirth', code: 'CHILD_NOT_UNDER_18', message: 'the person was 18 or over at the start of the episode' }];
  }
  return [];
}

function checkKindFields(event: AgencyEvent): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  const notAllowed = (path: string, field: unknown, kinds: string) => {
    if (field !== undefined) reasons.push({ path, code: 'FIELD_NOT_ALLOWED_FOR_KIND', message: `only allowed for ${kinds}` });
  };
  if (event.kind !== 'RETURNED') {
    notAllowed('/missingSince', event.missingSince, 'RETURNED');
    notAllowed('/returnInterviewOffered', event.returnInterviewOffered, 'RETURNED');
  }
  if (event.kind !== 'EPISODE_CORRECTED') notAllowed('/correction', event.correction, 'EPISODE_CORRECTED');
  if (event.setting !== 'CARE') notAllowed('/careMissingType', event.careMissingType, 'setting CARE');
  if (event.kind === 'EPISODE_CORRECTED' && event.correction === undefined) {
    reasons.push({
      path: '/correction',
      code: 'FIELD_REQUIRED_FOR_KIND',
      message: 'EPISODE_CORRECTED needs a correction object (use {} when only child details change)',
    });
  }
  return reasons;
}
