import { referenceData } from '../reference';
import { aMissingReport } from '../testing/event-factory';
import { checkSender } from './agency-binding';
import { AgencyEvent } from './agency-event.v1';
import { RejectionReason } from './rejection';
import { validateEventBytes, ValidationOptions } from './validate-event';

/**
 * Dead-letter reasons are stored (agency_rejection), served (GET /v1/rejections) and logged: they
 * must never repeat a child's identifying value. Every identifying field of these hostile events
 * carries a marker of its own; no reason, path included, may contain one (in any letter case,
 * with or without spaces).
 */
const options: ValidationOptions = {
  reference: referenceData(),
  now: new Date('2026-11-16T12:00:00Z'),
  maxClockSkewMs: 300_000,
  maxEventBytes: 65_536,
};

type Hostile = { name: string; markers: string[]; value: Buffer };

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const event = (child: Record<string, unknown>, over: Record<string, unknown> = {}) =>
  json({ ...aMissingReport(), child: { ...aMissingReport().child, ...child }, ...over });
const hostile = (name: string, markers: string[], value: Buffer): Hostile => ({ name, markers, value });

/** Values that pass the schema, so the domain rules see (and must not quote) them. */
const schemaValid: Hostile[] = [
  hostile('NHS number with a bad check digit', ['4857773458'], event({ nhsNumber: '485 777 3458' })),
  hostile('UPN with a bad check letter', ['Q820200153777'], event({ upn: 'Q820200153777' })),
  hostile('date of birth that is no calendar date', ['2013-02-30'], event({ dateOfBirth: '2013-02-30' })),
  hostile('date of birth after the event', ['2026-11-12'], event({ dateOfBirth: '2026-11-12' })),
  hostile('adult date of birth', ['1987-06-21'], event({ dateOfBirth: '1987-06-21' })),
  hostile('partial adult date of birth', ['1979-08'], event({ dateOfBirth: '1979-08' })),
  hostile('postcode that is no UK postcode', ['9QZ 7QZ', '9QZ7QZ'], event({ homePostcode: '9QZ 7QZ' })),
  hostile('unknown responsible LA', ['E09999971'], event({ responsibleLaCode: 'E09999971' })),
  hostile(
    'names and refs of an event rejected for another reason',
    ['Zeldaqx', 'Vorquinn', 'REF-CHILD-Q81', 'REF-EPIS-Q82'],
    event(
      { givenName: 'Zeldaqx', familyName: 'Vorquinn', nhsNumber: '4857773458' },
      { agencyChildRef: 'REF-CHILD-Q81', agencyEpisodeRef: 'REF-EPIS-Q82' },
    ),
  ),
  hostile(
    'timestamps in the future',
    ['2099-03-04', '2099-03-05'],
    event({}, { occurredAt: '2099-03-04T05:06:07Z', reportedAt: '2099-03-05T05:06:07Z' }),
  ),
  hostile(
    'timestamps older than the plausibility window',
    ['1900-01-01', '1890-05-06'],
    event({ dateOfBirth: '1890-05-06' }, { occurredAt: '1900-01-01T00:00:00Z', reportedAt: '1900-01-01T01:00:00Z' }),
  ),
  hostile(
    'return before start',
    ['2026-11-09', '2026-11-01'],
    event({}, { kind: 'RETURNED', occurredAt: '2026-11-01T10:00:00Z', missingSince: '2026-11-09T10:00:00Z', reportedAt: '2026-11-10T10:00:00Z' }),
  ),
  hostile('field not allowed for the kind', ['2026-10-30'], event({}, { missingSince: '2026-10-30T08:00:00Z' })),
];

/** Values that break the schema itself (patterns, lengths, enums, types, unknown properties). */
const schemaInvalid: Hostile[] = [
  hostile('NHS number of letters', ['NHSMARKQX1'], event({ nhsNumber: 'NHSMARKQX1' })),
  hostile('UPN of the wrong length', ['UPNMARKQX2'], event({ upn: 'UPNMARKQX2' })),
  hostile('date of birth in another format', ['21/06/2013'], event({ dateOfBirth: '21/06/2013' })),
  hostile('overlong names', ['NAMEMARKQX3'], event({ givenName: 'NAMEMARKQX3'.repeat(10), familyName: 'NAMEMARKQX3'.repeat(10) })),
  hostile('empty-looking names', ['NAMEMARKQX4'], event({ givenName: 12345, familyName: ['NAMEMARKQX4'] })),
  hostile('postcode too long', ['POSTMARKQX5'], event({ homePostcode: 'POSTMARKQX5 1AA' })),
  hostile('responsible LA of another shape', ['LAMARKQX6'], event({ responsibleLaCode: 'LAMARKQX6' })),
  hostile('sex and ethnicity outside their lists', ['SEXMARKQX7', 'ETHMARKQX8'], event({ sex: 'SEXMARKQX7', ethnicity: 'ETHMARKQX8' })),
  hostile(
    'refs that break the pattern',
    ['REF MARK QX9', 'EPI MARK QX10'],
    event({}, { agencyChildRef: 'REF MARK QX9', agencyEpisodeRef: 'EPI MARK QX10' }),
  ),
  hostile('a child detail as an unknown property name', ['Amberqx Holloway', '9434765919x'], event({ 'Amberqx Holloway': '9434765919x' })),
  hostile('an unknown top-level property', ['KEYMARKQX11', 'VALMARKQX12'], event({}, { KEYMARKQX11: 'VALMARKQX12' })),
  hostile(
    'kind, setting and risk outside their lists',
    ['KINDMARKQX13', 'SETMARKQX14', 'RISKMARKQX15'],
    event({}, { kind: 'KINDMARKQX13', setting: 'SETMARKQX14', riskGrade: 'RISKMARKQX15' }),
  ),
  hostile('malformed timestamps and event id', ['TIMEMARKQX16', 'IDMARKQX17'], event({}, { occurredAt: 'TIMEMARKQX16', eventId: 'IDMARKQX17' })),
  hostile('a child detail as the schema version', ['2012-04-03-SV'], event({}, { schemaVersion: '2012-04-03-SV' })),
  hostile('a child that is not an object', ['CHILDMARKQX18'], json({ ...aMissingReport(), child: 'CHILDMARKQX18' })),
  hostile(
    'a correction of the wrong shape',
    ['CORRMARKQX19'],
    event({}, { kind: 'EPISODE_CORRECTED', correction: { missingFrom: 'CORRMARKQX19', note: 'CORRMARKQX19' } }),
  ),
  hostile('broken JSON around a name', ['JSONMARKQX20'], Buffer.from('{"child":{"givenName":"JSONMARKQX20"')),
  hostile('an array holding identities', ['ARRMARKQX21'], json(['ARRMARKQX21'])),
];

const variants = (marker: string) => [marker, marker.toLowerCase(), marker.toUpperCase(), marker.replace(/\s+/g, '')];
const leaks = (reasons: RejectionReason[], markers: string[]) => {
  const text = JSON.stringify(reasons).toLowerCase();
  return markers.flatMap(variants).filter((m) => text.includes(m.toLowerCase()));
};

describe('rejection reasons never repeat identifying values', () => {
  it.each([...schemaValid, ...schemaInvalid].map((h) => [h.name, h] as const))('%s', (_name, { value, markers }) => {
    const result = validateEventBytes(value, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(leaks(result.reasons, markers)).toEqual([]);
  });

  it('names the field and the rule, so an agency can still fix the event', () => {
    const result = validateEventBytes(event({ dateOfBirth: '1987-06-21', 'Amberqx Holloway': 'x' }), options);
    expect(result.ok ? [] : result.reasons.map((r) => [r.path, r.code])).toEqual([['/child/*', 'SCHEMA_UNKNOWN_PROPERTY']]);
    const misplaced = validateEventBytes(event({ missingSince: '2026-10-30T08:00:00Z' }), options);
    expect(misplaced.ok ? [] : misplaced.reasons.map((r) => [r.path, r.code])).toEqual([['/child/missingSince', 'SCHEMA_UNKNOWN_PROPERTY']]);
    const adult = validateEventBytes(event({ dateOfBirth: '1987-06-21' }), options);
    expect(adult.ok ? [] : adult.reasons.map((r) => [r.path, r.code])).toEqual([['/child/dateOfBirth', 'CHILD_NOT_UNDER_18']]);
  });

  it('also holds for every reason at once, and for the sender check', () => {
    const all = event(
      {
        nhsNumber: '485 777 3458',
        upn: 'Q820200153777',
        dateOfBirth: '1987-06-21',
        homePostcode: '9QZ 7QZ',
        responsibleLaCode: 'E09999971',
        givenName: 'Zeldaqx',
        familyName: 'Vorquinn',
      },
      { agencyChildRef: 'REF-CHILD-Q81', agencyEpisodeRef: 'REF-EPIS-Q82', occurredAt: '2099-03-04T05:06:07Z' },
    );
    const result = validateEventBytes(all, options);
    expect(result.ok ? [] : result.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining([
        'INVALID_POSTCODE',
        'NHS_NUMBER_CHECK_DIGIT',
        'TIMESTAMP_IN_FUTURE',
        'UNKNOWN_LOCAL_AUTHORITY',
        'UPN_CHECK_LETTER',
        'CHILD_NOT_UNDER_18',
      ]),
    );
    const markers = [
      '4857773458',
      'Q820200153777',
      '1987-06-21',
      '9QZ 7QZ',
      'E09999971',
      'Zeldaqx',
      'Vorquinn',
      'REF-CHILD-Q81',
      'REF-EPIS-Q82',
      '2099-03-04',
    ];
    expect(leaks(result.ok ? [] : result.reasons, markers)).toEqual([]);
    const sent = JSON.parse(event({ givenName: 'Zeldaqx' }, { agencyChildRef: 'REF-CHILD-Q81' }).toString()) as AgencyEvent;
    expect(leaks(checkSender(sent, 'E23000002'), ['Zeldaqx', 'REF-CHILD-Q81'])).toEqual([]);
  });
});
