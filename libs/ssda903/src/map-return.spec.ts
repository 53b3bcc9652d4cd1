import { EpisodeEvent, foldAgencyEpisode } from '@mcm/incidence';
import { AgencyEvent, DEFAULT_MAX_EVENT_BYTES, ReferenceData, validateEventBytes, ValidationOptions } from '@mcm/shared';
import { deterministicUuid } from './deterministic-uuid';
import { mapSsda903Return } from './map-return';
import { aReturn, HEADER, LA_CODE, MISSING, patched } from './testing/sample-return';

const validation: ValidationOptions = {
  reference: ReferenceData.load(),
  now: new Date('2026-12-01T12:00:00Z'),
  maxClockSkewMs: 5 * 60_000,
  maxEventBytes: DEFAULT_MAX_EVENT_BYTES,
};

const expectAllValid = (events: AgencyEvent[]) => {
  for (const event of events)
    expect({ eventId: event.eventId, result: validateEventBytes(Buffer.from(JSON.stringify(event)), validation) }).toMatchObject({
      result: { ok: true },
    });
};
const idsByKind = (events: AgencyEvent[]) => events.map((e) => `${e.agencyChildRef} ${e.agencyEpisodeRef} ${e.kind} ${e.eventId}`);

describe('mapSsda903Return', () => {
  const { events, errors } = mapSsda903Return(aReturn());

  it('maps each Missing row into MISSING_REPORTED, RETURNED when it ended, and EPISODE_CORRECTED', () => {
    expect(errors).toEqual([]);
    expect(events.map((e) => `${e.agencyChildRef} ${e.agencyEpisodeRef} ${e.kind} ${e.occurredAt}`)).toEqual([
      'C1001 903.20260614 MISSING_REPORTED 2026-06-14T00:00:00+01:00',
      'C1001 903.20260614 RETURNED 2026-06-16T00:00:00+01:00',
      'C1001 903.20260614 EPISODE_CORRECTED 2026-11-30T09:00:00.000Z',
      'C1001 903.20260110 MISSING_REPORTED 2026-01-10T00:00:00+00:00',
      'C1001 903.20260110 EPISODE_CORRECTED 2026-11-30T09:00:00.000Z',
      'C1002 903.20260329 MISSING_REPORTED 2026-03-29T00:00:00+00:00',
      'C1002 903.20260329 RETURNED 2026-03-30T00:00:00+01:00',
      'C1002 903.20260329 EPISODE_CORRECTED 2026-11-30T09:00:00.000Z',
    ]);
  });

  it('fills every field from the return, with ids derived from the LA, CHILD, MIS_START and kind', () => {
    const child = { sex: 'F', dateOfBirth: '2011-04-03', ethnicity: 'WBRI', upn: 'R801200101001', responsibleLaCode: LA_CODE };
    const common = {
      schemaVersion: 1,
      setting: 'CARE',
      careMissingType: 'M',
      agency: { type: 'LOCAL_AUTHORITY', code: LA_CODE },
      agencyChildRef: 'C1001',
      agencyEpisodeRef: '903.20260614',
      reportedAt: '2026-11-30T09:00:00.000Z',
      child,
    };
    const id = (...parts: string[]) => deterministicUuid(JSON.stringify([LA_CODE, 'C1001', '2026-06-14', ...parts]));
    expect(events.slice(0, 3)).toEqual([
      { ...common, eventId: id('MR'), kind: 'MISSING_REPORTED', occurredAt: '2026-06-14T00:00:00+01:00' },
      { ...common, eventId: id('RT'), kind: 'RETURNED', occurredAt: '2026-06-16T00:00:00+01:00', missingSince: '2026-06-14T00:00:00+01:00' },
      {
        ...common,
        eventId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        kind: 'EPISODE_CORRECTED',
        occurredAt: '2026-11-30T09:00:00.000Z',
        correction: { missingFrom: '2026-06-14T00:00:00+01:00', returnedAt: '2026-06-16T00:00:00+01:00', careMissingType: 'M' },
      },
    ]);
    expect(events[5]).toMatchObject({
      careMissingType: 'A',
      child: { sex: 'M', dateOfBirth: '2009-11-21', ethnicity: 'BAFR', responsibleLaCode: LA_CODE },
    });
    expect(events[5].child).not.toHaveProperty('upn');
    expect(events[4].correction).toEqual({ missingFrom: '2026-01-10T00:00:00+00:00', careMissingType: 'A' });
  });

  it('produces only events that ingest accepts', () => {
    expectAllValid(events);
  });

  it('gives the same ids when the same return is imported again later', () => {
    const again = mapSsda903Return(aReturn(HEADER, MISSING, new Date('2026-12-01T10:00:00Z')));
    expect(idsByKind(again.events)).toEqual(idsByKind(events));
  });

  it('changes only the EPISODE_CORRECTED id of a row whose MIS_END was corrected', () => {
    const corrected = mapSsda903Return(aReturn(HEADER, patched(MISSING, 0, { MIS_END: '17/06/2026' }), new Date('2026-12-01T10:00:00Z'))).events;
    const changed = corrected.filter((e, i) => e.eventId !== events[i].eventId);
    expect(changed.map((e) => `${e.agencyEpisodeRef} ${e.kind}`)).toEqual(['903.20260614 EPISODE_CORRECTED']);
    expect(changed[0].correction?.returnedAt).toBe('2026-06-17T00:00:00+01:00');
  });

  it('changes the EPISODE_CORRECTED ids of every episode of a child whose Header details were corrected', () => {
    const corrected = mapSsda903Return(aReturn(patched(HEADER, 0, { ETHNIC: 'WIRI' }), MISSING)).events;
    const changed = corrected.filter((e, i) => e.eventId !== events[i].eventId);
    expect(changed.map((e) => `${e.agencyEpisodeRef} ${e.kind}`)).toEqual(['903.20260614 EPISODE_CORRECTED', '903.20260110 EPISODE_CORRECTED']);
  });

  it('leaves the DOB out of events dated from the 18th birthday, which ingest would reject with it', () => {
    const header = [...HEADER, { CHILD: 'C1003', SEX: '1', DOB: '01/07/2008', ETHNIC: 'AIND', UPN: 'UN2' }];
    const missing = [{ CHILD: 'C1003', MISSING: 'M', MIS_START: '10/05/2026', MIS_END: '05/07/2026' }];
    const result = mapSsda903Return(aReturn(header, missing));
    expect(result.errors).toEqual([]);
    expect(result.events.map((e) => `${e.kind} ${e.child.dateOfBirth}`)).toEqual([
      'MISSING_REPORTED 2008-07-01',
      'RETURNED undefined',
      'EPISODE_CORRECTED undefined',
    ]);
    expect(result.events[0].child.upn).toBe('UN2');
    expectAllValid(result.events);
  });

  it('refuses a malformed LA code or import time', () => {
    expect(() => mapSsda903Return({ ...aReturn(), laCode: 'E23000001' })).toThrow(RangeError);
    expect(() => mapSsda903Return({ ...aReturn(), importedAt: new Date('not a date') })).toThrow(RangeError);
  });
});

describe('a corrected return, folded as the aggregator folds it', () => {
  const toEpisodeEvent = (e: AgencyEvent): EpisodeEvent => ({
    eventId: e.eventId,
    reportedAt: Date.parse(e.reportedAt),
    kind: e.kind,
    setting: e.setting,
    agencyCode: e.agency.code,
    agencyChildRef: e.agencyChildRef,
    agencyEpisodeRef: e.agencyEpisodeRef,
    occurredAt: Date.parse(e.occurredAt),
    careMissingType: e.careMissingType,
    correction: e.correction && {
      missingFrom: e.correction.missingFrom === undefined ? undefined : Date.parse(e.correction.missingFrom),
      returnedAt: e.correction.returnedAt === undefined ? undefined : Date.parse(e.correction.returnedAt),
      careMissingType: e.correction.careMissingType,
    },
  });
  /** The event store keeps the first event of each eventId; returns the first episode. */
  const foldFirstEpisode = (...imports: AgencyEvent[][]) => {
    const stored = new Map<string, AgencyEvent>();
    for (const e of imports.flat()) if (!stored.has(e.eventId)) stored.set(e.eventId, e);
    return foldAgencyEpisode([...stored.values()].filter((e) => e.agencyEpisodeRef === '903.20260614').map(toEpisodeEvent));
  };
  const first = mapSsda903Return(aReturn()).events;
  const later = new Date('2026-12-01T10:00:00Z');

  it('is unchanged by importing the same return again', () => {
    expect(foldFirstEpisode(first, mapSsda903Return(aReturn(HEADER, MISSING, later)).events)).toEqual(foldFirstEpisode(first));
    expect(foldFirstEpisode(first)).toMatchObject({
      status: 'ACTIVE',
      careMissingType: 'M',
      startedAt: Date.parse('2026-06-13T23:00:00Z'),
      endedAt: Date.parse('2026-06-15T23:00:00Z'),
    });
  });

  it('takes the corrected MIS_END and type over the RETURNED and MISSING_REPORTED kept from the first import', () => {
    const corrected = mapSsda903Return(aReturn(HEADER, patched(MISSING, 0, { MIS_END: '17/06/2026', MISSING: 'A' }), later)).events;
    expect(foldFirstEpisode(first, corrected)).toMatchObject({
      status: 'ACTIVE',
      careMissingType: 'A',
      startedAt: Date.parse('2026-06-13T23:00:00Z'),
      endedAt: Date.parse('2026-06-16T23:00:00Z'),
    });
  });
});
