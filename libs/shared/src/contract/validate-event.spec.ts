import * as fc from 'fast-check';
import { ReferenceData } from '../reference';
import { aMissingReport } from '../testing/event-factory';
import { RejectionCode } from './rejection';
import { validateEvent, validateEventBytes, ValidationOptions } from './validate-event';

const options: ValidationOptions = {
  reference: ReferenceData.load(),
  now: new Date('2026-11-23T12:00:00Z'),
  maxClockSkewMs: 5 * 60_000,
  maxEventBytes: 64 * 1024,
};
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
function codesOf(input: Buffer | null): RejectionCode[] {
  const result = validateEventBytes(input, options);
  return result.ok ? [] : result.reasons.map((r) => r.code);
}

describe('validateEventBytes', () => {
  it('accepts a valid event and normalises it', () => {
    const event = aMissingReport({
      occurredAt: '2026-06-10T19:30:00+01:00',
      child: { givenName: '  amélie ', familyName: "o'brien", homePostcode: 'sw1a1aa', nhsNumber: '943 476 5919' },
    });
    const result = validateEventBytes(bytes(event), options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event.occurredAt).toBe('2026-06-10T18:30:00.000Z');
    expect(result.event.child).toEqual({ givenName: 'AMELIE', familyName: "O'BRIEN", homePostcode: 'SW1A 1AA', nhsNumber: '9434765919' });
  });

  it.each<[string, Buffer | null, RejectionCode]>([
    ['an empty value', null, 'EMPTY'],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x00]), 'NOT_UTF8'],
    ['text that is not JSON', Buffer.from('{"kind": MISSING'), 'NOT_JSON'],
    ['a JSON array', Buffer.from('[1,2]'), 'NOT_AN_OBJECT'],
    ['an unknown schema version', bytes({ ...aMissingReport(), schemaVersion: 2 }), 'UNKNOWN_SCHEMA_VERSION'],
    ['an oversized value', Buffer.alloc(70 * 1024, 0x20), 'OVERSIZED'],
  ])('rejects %s', (_name, input, code) => {
    expect(codesOf(input)).toEqual([code]);
  });

  it('reports every schema problem with its JSON path', () => {
    const { kind: _k, ...noKind } = aMissingReport();
    const result = validateEvent({ ...noKind, setting: 'SCHOOL', surprise: 1, child: { sex: 'X' } }, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/kind', code: 'SCHEMA_REQUIRED' }),
        expect.objectContaining({ path: '/setting', code: 'SCHEMA_ENUM' }),
        expect.objectContaining({ path: '/*', code: 'SCHEMA_UNKNOWN_PROPERTY' }),
        expect.objectContaining({ path: '/child/sex', code: 'SCHEMA_ENUM' }),
      ]),
    );
  });

  it.each<[string, Record<string, unknown>, RejectionCode, string]>([
    ['a bad NHS number', { child: { nhsNumber: '9434765918' } }, 'NHS_NUMBER_CHECK_DIGIT', '/child/nhsNumber'],
    ['a bad UPN', { child: { upn: 'A801000112345' } }, 'UPN_CHECK_LETTER', '/child/upn'],
    ['an unknown police force', { agency: { type: 'POLICE', code: 'E23999999' } }, 'UNKNOWN_POLICE_FORCE', '/agency/code'],
    ['an unknown LA', { agency: { type: 'LOCAL_AUTHORITY', code: 'E06999999' } }, 'UNKNOWN_LOCAL_AUTHORITY', '/agency/code'],
    ['a police code for a council', { agency: { type: 'LOCAL_AUTHORITY', code: 'E23000001' } }, 'AGENCY_TYPE_CODE_MISMATCH', '/agency/code'],
    ['an unknown responsible LA', { child: { responsibleLaCode: 'E09999999' } }, 'UNKNOWN_LOCAL_AUTHORITY', '/child/responsibleLaCode'],
    ['a person aged 18', { child: { dateOfBirth: '2008-11-09' } }, 'CHILD_NOT_UNDER_18', '/child/dateOfBirth'],
    ['a partial DOB that makes 18 certain', { child: { dateOfBirth: '2007' } }, 'CHILD_NOT_UNDER_18', '/child/dateOfBirth'],
    ['a date of birth that does not exist', { child: { dateOfBirth: '2012-02-30' } }, 'INVALID_DATE_OF_BIRTH', '/child/dateOfBirth'],
    ['a report before the event', { reportedAt: '2026-11-09T00:00:00Z' }, 'REPORTED_BEFORE_OCCURRED', '/reportedAt'],
    ['a return before its start', { kind: 'RETURNED', missingSince: '2026-11-10T19:00:00Z' }, 'RETURN_BEFORE_START', '/occurredAt'],
    ['care type outside CARE', { careMissingType: 'M' }, 'FIELD_NOT_ALLOWED_FOR_KIND', '/careMissingType'],
    ['a correction without its object', { kind: 'EPISODE_CORRECTED' }, 'FIELD_REQUIRED_FOR_KIND', '/correction'],
  ])('rejects %s', (_name, overrides, code, path) => {
    const result = validateEvent({ ...aMissingReport(), ...overrides }, options);
    expect(result).toEqual({ ok: false, reasons: [expect.objectContaining({ code, path })] });
  });

  it('rejects timestamps beyond the clock skew, naming each one', () => {
    const result = validateEvent({ ...aMissingReport(), occurredAt: '2026-11-23T13:00:00Z', reportedAt: '2026-11-23T13:01:00Z' }, options);
    expect(result.ok ? [] : result.reasons.map((r) => `${r.code} ${r.path}`)).toEqual([
      'TIMESTAMP_IN_FUTURE /occurredAt',
      'TIMESTAMP_IN_FUTURE /reportedAt',
    ]);
    expect(validateEvent({ ...aMissingReport(), occurredAt: '2026-11-23T12:04:00Z', reportedAt: '2026-11-23T12:04:00Z' }, options).ok).toBe(true);
  });

  it('accepts a person who turns 18 the day after the event, and a partial DOB that may be under 18', () => {
    expect(validateEvent(aMissingReport({ child: { dateOfBirth: '2008-11-11' } }), options).ok).toBe(true);
    expect(validateEvent(aMissingReport({ child: { dateOfBirth: '2008-11' } }), options).ok).toBe(true);
  });

  it('applies the age rule at the episode start: the return, correction and withdrawal of a child who turned 18 while missing pass', () => {
    const adult = { dateOfBirth: '2008-11-09' }; // 18 since 9 November 2026; the episode began on 5 November
    const returned = aMissingReport({ kind: 'RETURNED', child: adult, missingSince: '2026-11-05T10:00:00Z' });
    expect(validateEvent(returned, options).ok).toBe(true);
    expect(validateEvent(aMissingReport({ kind: 'RETURNED', child: adult }), options).ok).toBe(true);
    expect(validateEvent(aMissingReport({ kind: 'REPORT_WITHDRAWN', child: adult }), options).ok).toBe(true);
    expect(
      validateEvent(aMissingReport({ kind: 'EPISODE_CORRECTED', child: adult, correction: { returnedAt: '2026-11-10T20:00:00Z' } }), options).ok,
    ).toBe(true);
    const lateStart = aMissingReport({ kind: 'EPISODE_CORRECTED', child: adult, correction: { missingFrom: '2026-11-09T00:00:00Z' } });
    expect(validateEvent(lateStart, options)).toEqual({ ok: false, reasons: [expect.objectContaining({ code: 'CHILD_NOT_UNDER_18' })] });
  });

  it('takes the 18th birthday on the London calendar: 00:00 BST is 23:00 UTC the day before', () => {
    const summer = { ...options, now: new Date('2026-07-01T12:00:00Z') };
    const at = (occurredAt: string) =>
      validateEvent(aMissingReport({ occurredAt, reportedAt: '2026-06-30T23:00:00Z', child: { dateOfBirth: '2008-06-30' } }), summer);
    expect(at('2026-06-29T22:59:59Z').ok).toBe(true);
    expect(at('2026-06-29T23:00:00Z')).toEqual({ ok: false, reasons: [expect.objectContaining({ code: 'CHILD_NOT_UNDER_18' })] });
  });

  it('dead-letters instants older than the plausibility window (default 10 years, configurable), naming no value', () => {
    const old = validateEvent(
      aMissingReport({ occurredAt: '1900-01-01T00:00:00Z', reportedAt: '1900-01-01T01:00:00Z', child: { dateOfBirth: '1890-01-01' } }),
      options,
    );
    expect(old.ok ? [] : old.reasons.filter((r) => r.code === 'TIMESTAMP_TOO_OLD').map((r) => r.path)).toEqual(['/occurredAt', '/reportedAt']);
    expect(old.ok ? '' : JSON.stringify(old.reasons)).not.toMatch(/1900|1890/);
    const nineYears = aMissingReport({ occurredAt: '2017-11-24T12:00:00Z', reportedAt: '2017-11-24T13:00:00Z', child: {} });
    expect(validateEvent(nineYears, options).ok).toBe(true);
    expect(validateEvent(nineYears, { ...options, maxEventAgeYears: 5 })).toEqual({
      ok: false,
      reasons: [expect.objectContaining({ code: 'TIMESTAMP_TOO_OLD' }), expect.objectContaining({ code: 'TIMESTAMP_TOO_OLD' })],
    });
  });

  it('accepts a school by URN and a Welsh police force', () => {
    expect(validateEvent(aMissingReport({ setting: 'EDUCATION', agency: { type: 'SCHOOL', code: '100000' } }), options).ok).toBe(true);
    expect(validateEvent(aMissingReport({ agency: { type: 'POLICE', code: 'W15000001' } }), options).ok).toBe(true);
  });
});

describe('the plausibility window (property)', () => {
  it('never accepts an event with an instant more than MAX_EVENT_AGE_YEARS before the clock, and never rejects one only for being inside it', () => {
    const earliest = Date.parse('2016-11-23T12:00:00Z'); // options.now less 10 years
    const instant = fc.integer({ min: Date.parse('1890-01-01T00:00:00Z'), max: Date.parse('2026-11-23T11:00:00Z') });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3_600_000 }), (occurred, lag) => {
        const occurredAt = new Date(occurred).toISOString();
        const result = validateEvent(aMissingReport({ occurredAt, reportedAt: new Date(occurred + lag).toISOString(), child: {} }), options);
        const tooOld = result.ok ? [] : result.reasons.filter((r) => r.code === 'TIMESTAMP_TOO_OLD');
        if (occurred < earliest) expect(result.ok).toBe(false);
        expect(tooOld.length > 0).toBe(occurred < earliest);
      }),
      { numRuns: 3000 },
    );
  });
});
