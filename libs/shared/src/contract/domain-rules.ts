import { AGENCY_CODE_PATTERNS } from '../agency/agency-codes';
import { isUnknownUpnCode, isValidNhsNumber, isValidUpn } from '../identifiers';
import { normalisePostcode } from '../normalise';
import { ReferenceData } from '../reference';
import { AgencyEvent } from './agency-event.v1';
import { RejectionReason } from './rejection';

export interface DomainRuleOptions {
  reference: ReferenceData;
  now: Date;
  /** Tolerated clock skew for timestamps ahead of the receiver's clock. */
  maxClockSkewMs: number;
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
    return [{ path: '/agency/code', code: 'UNKNOWN_POLICE_FORCE', message: `${agency.code} is not a police force area in reference data ${reference.version}` }];
  }
  if (agency.type === 'LOCAL_AUTHORITY' && !reference.localAuthorities.has(agency.code)) {
    return [{ path: '/agency/code', code: 'UNKNOWN_LOCAL_AUTHORITY', message: `${agency.code} is not a children's services authority in reference data ${reference.version}` }];
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
    reasons.push({ path: '/child/responsibleLaCode', code: 'UNKNOWN_LOCAL_AUTHORITY', message: `not a children's services authority in reference data ${reference.version}` });
  }
  if (child.homePostcode !== undefined && normalisePostcode(child.homePostcode) === null) {
    reasons.push({ path: '/child/homePostcode', code: 'INVALID_POSTCODE', message: 'not a UK postcode' });
  }
  return reasons;
}

function checkTimes(event: AgencyEvent, { now, maxClockSkewMs }: DomainRuleOptions): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  const latest = now.getTime() + maxClockSkewMs;
  const instants: [string, string | undefined][] = [
    ['/occurredAt', event.occurredAt], ['/reportedAt', event.reportedAt], ['/missingSince', event.missingSince],
    ['/correction/missingFrom', event.correction?.missingFrom], ['/correction/returnedAt', event.correction?.returnedAt],
  ];
  for (const [path, value] of instants) {
    if (value !== undefined && Date.parse(value) > latest) {
      reasons.push({ path, code: 'TIMESTAMP_IN_FUTURE', message: "later than the receiver's clock allows" });
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

/** Latest possible birth date for a full or partial date of birth. */
/** The latest day a full or partial date of birth allows, or null when it is not a calendar date. */
export function latestBirthDate(dob: string): Date | null {
  const [y, m, d] = dob.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return null;
  if (d !== undefined) {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 ? date : null;
  }
  return m !== undefined ? new Date(Date.UTC(y, m, 0)) : new Date(Date.UTC(y, 11, 31));
}

/** 00:00 UTC of the 18th birthday of someone born on `birth` (the age rule's boundary). */
export function eighteenthBirthday(birth: Date): Date {
  return new Date(Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate()));
}

function checkAge({ child, occurredAt }: AgencyEvent): RejectionReason[] {
  if (child.dateOfBirth === undefined) return [];
  const latest = latestBirthDate(child.dateOfBirth);
  if (latest === null) return [{ path: '/child/dateOfBirth', code: 'INVALID_DATE_OF_BIRTH', message: 'the date of birth is not a calendar date' }];
  const occurred = new Date(occurredAt);
  if (latest.getTime() > occurred.getTime() && child.dateOfBirth.length === 10) {
    return [{ path: '/child/dateOfBirth', code: 'BORN_AFTER_EVENT', message: 'date of birth is after occurredAt' }];
  }
  // Even the latest possible birth date makes the child 18 or over: certainly not a child.
  if (eighteenthBirthday(latest).getTime() <= occurred.getTime()) {
    return [{ path: '/child/dateOfBirth', code: 'CHILD_NOT_UNDER_18', message: 'the person was 18 or over at occurredAt' }];
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
    reasons.push({ path: '/correction', code: 'FIELD_REQUIRED_FOR_KIND', message: 'EPISODE_CORRECTED needs a correction object (use {} when only child details change)' });
  }
  return reasons;
}
