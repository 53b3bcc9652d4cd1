import { AgencyEvent, AgencyType, EventKind, nhsCheckDigit, ReferenceData, RejectionCode, upnCheckLetter } from '@mcm/shared';
import { agencyChildKey } from '@mcm/kafka';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE } from './pools';
import { randomPostcode } from './population';
import { Rng } from './rng';
import { InvalidSimEvent } from './sim-event';
import { DAY, HOUR, MINUTE, floorSecond, utcInstant } from './time-utils';

/** The kinds of invalid message the simulator produces, each with the one rejection code it must get. */
export const INVALID_EVENT_TYPES = [
  'NOT_JSON',
  'NOT_AN_OBJECT',
  'UNKNOWN_SCHEMA_VERSION',
  'SCHEMA_REQUIRED',
  'NHS_NUMBER_CHECK_DIGIT',
  'UPN_CHECK_LETTER',
  'UNKNOWN_LOCAL_AUTHORITY',
  'UNKNOWN_POLICE_FORCE',
  'AGENCY_TYPE_CODE_MISMATCH',
  'TIMESTAMP_IN_FUTURE',
  'CHILD_NOT_UNDER_18',
  'RETURN_BEFORE_START',
  'OVERSIZED',
  // Beyond the minimum list: cheap to make, and each exercises another rule.
  'EMPTY',
  'NOT_UTF8',
  'SCHEMA_FORMAT',
  'SCHEMA_UNKNOWN_PROPERTY',
  'SCHEMA_ENUM',
  'INVALID_POSTCODE',
  'REPORTED_BEFORE_OCCURRED',
  'FIELD_NOT_ALLOWED_FOR_KIND',
  'FIELD_REQUIRED_FOR_KIND',
  'BORN_AFTER_EVENT',
  'INVALID_DATE_OF_BIRTH',
] as const satisfies readonly RejectionCode[];
export type InvalidEventType = (typeof INVALID_EVENT_TYPES)[number];

export const UNKNOWN_LA_CODE = 'E06999999';
export const UNKNOWN_POLICE_FORCE_CODE = 'E23999999';
/** Bytes of padding in an OVERSIZED event (the limit is 64 KiB). */
export const OVERSIZED_PADDING = 70 * 1024;

export interface InvalidEventOptions {
  rng: Rng;
  count: number;
  nowMs: number;
  windowStartMs: number;
  reference: ReferenceData;
  newEventId: (rng: Rng) => string;
  newChildRef: (type: AgencyType) => string;
  newEpisodeRef: (type: AgencyType) => string;
}

/** Invalid events so that they are `share` of all events. */
export function invalidEventCount(validCount: number, share: number): number {
  if (share <= 0 || validCount === 0) return 0;
  return Math.max(1, Math.round((validCount * share) / (1 - share)));
}

/**
 * Extra events that belong to no real episode (fresh eventId, fresh agency refs), so rejecting
 * them never changes the figures. Types are dealt round-robin in a shuffled order.
 */
export function generateInvalidEvents(options: InvalidEventOptions): InvalidSimEvent[] {
  const { rng, count } = options;
  const types = rng.shuffle([...INVALID_EVENT_TYPES]);
  const out: InvalidSimEvent[] = [];
  for (let i = 0; i < count; i++) out.push(invalidEvent(options, types[i % types.length]));
  return out;
}

function invalidEvent(options: InvalidEventOptions, type: InvalidEventType): InvalidSimEvent {
  const { rng, nowMs, windowStartMs, reference } = options;
  const las = [...reference.localAuthorities.values()];
  const forces = [...reference.policeForces.keys()].filter((c) => c.startsWith('E23'));
  const la = rng.pick(las);
  const occurredMs = floorSecond(rng.between(windowStartMs + DAY, nowMs - 6 * HOUR));
  const dob = new Date(occurredMs - rng.between(8, 15) * 365.25 * DAY).toISOString().slice(0, 10);
  // The publishing agency (its refs look like that agency's), before the one thing that is wrong.
  const agency: AgencyEvent['agency'] =
    type === 'UPN_CHECK_LETTER'
      ? { type: 'LOCAL_AUTHORITY', code: la.code }
      : type === 'UNKNOWN_LOCAL_AUTHORITY'
        ? { type: 'LOCAL_AUTHORITY', code: UNKNOWN_LA_CODE }
        : type === 'UNKNOWN_POLICE_FORCE'
          ? { type: 'POLICE', code: UNKNOWN_POLICE_FORCE_CODE }
          : type === 'AGENCY_TYPE_CODE_MISMATCH'
            ? { type: 'POLICE', code: la.code }
            : { type: 'POLICE', code: rng.pick(forces) };
  const event: Record<string, unknown> & AgencyEvent = {
    eventId: options.newEventId(rng),
    schemaVersion: 1,
    kind: 'MISSING_REPORTED',
    setting: 'HOME',
    agency,
    agencyChildRef: options.newChildRef(agency.type),
    agencyEpisodeRef: options.newEpisodeRef(agency.type),
    occurredAt: utcInstant(occurredMs),
    reportedAt: utcInstant(occurredMs + floorSecond(rng.between(10 * MINUTE, 3 * HOUR))),
    child: {
      givenName: rng.pick(GIVEN_NAMES_FEMALE),
      familyName: rng.pick(FAMILY_NAMES),
      dateOfBirth: dob,
      sex: 'F',
      homePostcode: randomPostcode(rng, la.regionCode),
      responsibleLaCode: la.code,
    },
  };
  if (agency.type === 'POLICE') event.riskGrade = 'LOW';
  let bytes: Buffer | null = null;
  let clockDependent: boolean | undefined;
  const json = () => JSON.stringify(event);

  switch (type) {
    case 'NOT_JSON':
      bytes = Buffer.from(json().slice(0, 120), 'utf8');
      break;
    case 'NOT_AN_OBJECT':
      bytes = Buffer.from(JSON.stringify([event]), 'utf8');
      break;
    case 'EMPTY':
      bytes = Buffer.alloc(0);
      break;
    case 'NOT_UTF8':
      bytes = Buffer.concat([Buffer.from('{"eventId":"', 'utf8'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}', 'utf8')]);
      break;
    case 'OVERSIZED':
      event.padding = 'x'.repeat(OVERSIZED_PADDING);
      break;
    case 'UNKNOWN_SCHEMA_VERSION':
      event.schemaVersion = 2 as never;
      break;
    case 'SCHEMA_REQUIRED':
      delete (event as Record<string, unknown>).agencyEpisodeRef;
      break;
    case 'SCHEMA_FORMAT':
      event.occurredAt = `${event.occurredAt.slice(0, 4)}-02-30T10:00:00Z`;
      event.reportedAt = `${event.reportedAt.slice(0, 4)}-02-30T11:00:00Z`;
      break;
    case 'SCHEMA_UNKNOWN_PROPERTY':
      event.notes = 'free text is not part of the contract';
      break;
    case 'SCHEMA_ENUM':
      event.setting = 'SCHOOL' as never;
      break;
    case 'NHS_NUMBER_CHECK_DIGIT': {
      const firstNine = String(rng.int(400_000_000, 799_999_999));
      const check = nhsCheckDigit(firstNine);
      event.child.nhsNumber = `${firstNine}${check === null ? rng.int(0, 9) : (check + rng.int(1, 9)) % 10}`;
      break;
    }
    case 'UPN_CHECK_LETTER': {
      const body = `${la.laNumber.padStart(3, '0')}${rng.int(2000, 7999)}${dob.slice(2, 4)}${String(rng.int(0, 999)).padStart(3, '0')}`;
      const right = upnCheckLetter(body);
      const wrong = 'ABCDEFGHJKLMNPQRTUVWXYZ'.replace(right, '');
      event.child.upn = `${rng.pick([...wrong])}${body}`;
      break;
    }
    case 'UNKNOWN_LOCAL_AUTHORITY':
    case 'UNKNOWN_POLICE_FORCE':
    case 'AGENCY_TYPE_CODE_MISMATCH':
      break; // the agency above is the fault
    case 'TIMESTAMP_IN_FUTURE':
      event.occurredAt = utcInstant(nowMs + HOUR);
      event.reportedAt = utcInstant(nowMs + HOUR + MINUTE);
      clockDependent = true;
      break;
    case 'CHILD_NOT_UNDER_18':
      event.child.dateOfBirth = new Date(occurredMs - 19.3 * 365.25 * DAY).toISOString().slice(0, 10);
      break;
    case 'BORN_AFTER_EVENT':
      event.child.dateOfBirth = new Date(occurredMs + 20 * DAY).toISOString().slice(0, 10);
      break;
    case 'INVALID_DATE_OF_BIRTH':
      event.child.dateOfBirth = `${dob.slice(0, 4)}-13-${dob.slice(8, 10)}`;
      break;
    case 'RETURN_BEFORE_START':
      event.kind = 'RETURNED';
      event.missingSince = utcInstant(occurredMs + 2 * HOUR);
      delete event.riskGrade;
      break;
    case 'INVALID_POSTCODE':
      event.child.homePostcode = '12345';
      break;
    case 'REPORTED_BEFORE_OCCURRED':
      event.reportedAt = utcInstant(occurredMs - 2 * DAY);
      break;
    case 'FIELD_NOT_ALLOWED_FOR_KIND':
      event.careMissingType = 'M';
      break;
    case 'FIELD_REQUIRED_FOR_KIND':
      event.kind = 'EPISODE_CORRECTED';
      break;
  }
  const kind = typeof event.kind === 'string' && type !== 'NOT_JSON' && type !== 'NOT_UTF8' && type !== 'EMPTY' ? (event.kind as EventKind) : null;
  return new InvalidSimEvent(
    event.eventId,
    type,
    kind,
    agencyChildKey(event.agency.code, event.agencyChildRef),
    bytes ?? Buffer.from(json(), 'utf8'),
    floorSecond(rng.between(windowStartMs, nowMs)),
    // An unknown code cannot be onboarded: such an event comes from a real LA that got it wrong.
    type === 'UNKNOWN_LOCAL_AUTHORITY' || type === 'UNKNOWN_POLICE_FORCE' ? la.code : agency.code,
    clockDependent,
  );
}
