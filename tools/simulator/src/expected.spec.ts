import { AgencyEvent, ChildAttributes, DEFAULT_MAX_EVENT_BYTES, referenceData, validateEvent, weekCommencing } from '@mcm/shared';
import { computeExpected, ExpectedInput, ExpectedRow } from './expected';

/**
 * A tiny scenario built by hand, with the figures worked out by hand (see the comments):
 * two agencies reporting one child with overlapping episodes, corrections (including a tie on
 * reportedAt), a withdrawn episode, an open episode, a police/LA setting disagreement, the
 * start of British Summer Time on Sunday 30 March 2025 (01:00 UTC), and a child whose two
 * agency records share no deterministic key.
 */
const NOW = new Date('2025-04-10T12:00:00Z');
let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

type Spec = Pick<AgencyEvent, 'kind' | 'setting' | 'agency' | 'agencyChildRef' | 'agencyEpisodeRef' | 'occurredAt' | 'reportedAt'> &
  Partial<AgencyEvent>;

function ev(spec: Spec, child: ChildAttributes, trueChildId: string, valid = true): ExpectedInput {
  const event = { eventId: nextId(), schemaVersion: 1, child, ...spec } as AgencyEvent;
  return { event, valid, trueChildId: valid ? trueChildId : null };
}

const POLICE_MET = { type: 'POLICE', code: 'E23000001' } as const;
const POLICE_WM = { type: 'POLICE', code: 'E23000014' } as const;
const POLICE_GM = { type: 'POLICE', code: 'E23000005' } as const;
const LA_WESTMINSTER = { type: 'LOCAL_AUTHORITY', code: 'E09000033' } as const;
const LA_BIRMINGHAM = { type: 'LOCAL_AUTHORITY', code: 'E08000025' } as const;
const LA_CAMBS = { type: 'LOCAL_AUTHORITY', code: 'E10000003' } as const;
const SCHOOL = { type: 'SCHOOL', code: '123456' } as const;

function handBuiltEvents(): ExpectedInput[] {
  counter = 0;
  const amelia = { nhsNumber: '9434765919', givenName: 'Amelia', familyName: 'Jones', dateOfBirth: '2012-04-03' };
  const ameliaLa = {
    nhsNumber: '943 476 5919',
    givenName: ' amelia ',
    familyName: 'JONES',
    dateOfBirth: '2012-04-03',
    responsibleLaCode: 'E09000033',
  };
  const ben = { nhsNumber: '6541003238', givenName: 'Ben', familyName: 'Okafor', dateOfBirth: '2009-01-15' };
  const chloe = { nhsNumber: '6716689966', givenName: 'Chloé', familyName: "O'Brien", dateOfBirth: '2010-07-21', responsibleLaCode: 'E08000003' };
  const dan = { givenName: 'Dan', familyName: 'Lee', dateOfBirth: '2011-02-11' };
  const A = 'A',
    B = 'B',
    C = 'C',
    D = 'D',
    E = 'E';
  return [
    // Child A: police [03-03 10:00, 20:00] and LA [03-03 12:00 (corrected), 03-04 09:00] overlap: one national episode.
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'HOME',
        agency: POLICE_MET,
        agencyChildRef: 'P-A',
        agencyEpisodeRef: 'PE1',
        occurredAt: '2025-03-03T10:00:00Z',
        reportedAt: '2025-03-03T10:30:00Z',
        riskGrade: 'LOW',
      },
      amelia,
      A,
    ),
    ev(
      {
        kind: 'RETURNED',
        setting: 'HOME',
        agency: POLICE_MET,
        agencyChildRef: 'P-A',
        agencyEpisodeRef: 'PE1',
        occurredAt: '2025-03-03T20:00:00Z',
        reportedAt: '2025-03-03T20:30:00Z',
      },
      amelia,
      A,
    ),
    // The LA first reported a wrong start (01 March, week of 24 February); later corrections fix it.
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'HOME',
        agency: LA_WESTMINSTER,
        agencyChildRef: 'L-A',
        agencyEpisodeRef: 'LE1',
        occurredAt: '2025-03-01T12:00:00Z',
        reportedAt: '2025-03-03T13:00:00Z',
      },
      ameliaLa,
      A,
    ),
    ev(
      {
        kind: 'EPISODE_CORRECTED',
        setting: 'HOME',
        agency: LA_WESTMINSTER,
        agencyChildRef: 'L-A',
        agencyEpisodeRef: 'LE1',
        occurredAt: '2025-03-04T09:00:00Z',
        reportedAt: '2025-03-04T09:00:00Z',
        correction: { missingFrom: '2025-03-02T12:00:00Z' },
      },
      {},
      A,
    ),
    // (Two more corrections of LE1 sharing one reportedAt are added in scenario().)
    ev(
      {
        kind: 'RETURNED',
        setting: 'HOME',
        agency: LA_WESTMINSTER,
        agencyChildRef: 'L-A',
        agencyEpisodeRef: 'LE1',
        occurredAt: '2025-03-04T09:00:00Z',
        reportedAt: '2025-03-04T09:30:00Z',
        missingSince: '2025-03-01T12:00:00Z',
        returnInterviewOffered: true,
      },
      ameliaLa,
      A,
    ),
    // Child A again, police: an episode reported in error and withdrawn: never counted.
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'HOME',
        agency: POLICE_MET,
        agencyChildRef: 'P-A',
        agencyEpisodeRef: 'PE2',
        occurredAt: '2025-03-17T10:00:00Z',
        reportedAt: '2025-03-17T10:20:00Z',
        riskGrade: 'HIGH',
      },
      amelia,
      A,
    ),
    ev(
      {
        kind: 'REPORT_WITHDRAWN',
        setting: 'HOME',
        agency: POLICE_MET,
        agencyChildRef: 'P-A',
        agencyEpisodeRef: 'PE2',
        occurredAt: '2025-03-17T15:00:00Z',
        reportedAt: '2025-03-17T15:05:00Z',
      },
      {},
      A,
    ),

    // Child B: LA says CARE from 03-12 08:00 and never returned (open); police say HOME 06:00-10:00.
    // Merged: start 06:00 (week 03-10), open, setting CARE (priority), la from the CARE member.
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'CARE',
        careMissingType: 'M',
        agency: LA_BIRMINGHAM,
        agencyChildRef: 'L-B',
        agencyEpisodeRef: 'LE2',
        occurredAt: '2025-03-12T08:00:00Z',
        reportedAt: '2025-03-12T09:00:00Z',
      },
      { ...ben, responsibleLaCode: 'E08000025' },
      B,
    ),
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'HOME',
        agency: POLICE_WM,
        agencyChildRef: 'P-B',
        agencyEpisodeRef: 'PE3',
        occurredAt: '2025-03-12T06:00:00Z',
        reportedAt: '2025-03-12T06:30:00Z',
        riskGrade: 'MEDIUM',
      },
      { ...ben, responsibleLaCode: 'E06000001' },
      B,
    ),
    ev(
      {
        kind: 'RETURNED',
        setting: 'HOME',
        agency: POLICE_WM,
        agencyChildRef: 'P-B',
        agencyEpisodeRef: 'PE3',
        occurredAt: '2025-03-12T10:00:00Z',
        reportedAt: '2025-03-12T10:15:00Z',
      },
      ben,
      B,
    ),
    // The latest valid event of the scenario: horizon week = weekCommencing(2025-04-09T10:00Z) = 2025-04-07.
    ev(
      {
        kind: 'EPISODE_CORRECTED',
        setting: 'CARE',
        agency: LA_BIRMINGHAM,
        agencyChildRef: 'L-B',
        agencyEpisodeRef: 'LE2',
        occurredAt: '2025-04-09T09:00:00Z',
        reportedAt: '2025-04-09T10:00:00Z',
        correction: { careMissingType: 'A' },
      },
      {},
      B,
    ),

    // Child C: Monday 31 March 00:30 BST = 2025-03-30T23:30Z: week of 31 March, not 24 March.
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'HOME',
        agency: POLICE_GM,
        agencyChildRef: 'P-C',
        agencyEpisodeRef: 'PE4',
        occurredAt: '2025-03-30T23:30:00Z',
        reportedAt: '2025-03-30T23:45:00Z',
        riskGrade: 'LOW',
      },
      chloe,
      C,
    ),
    ev(
      {
        kind: 'RETURNED',
        setting: 'HOME',
        agency: POLICE_GM,
        agencyChildRef: 'P-C',
        agencyEpisodeRef: 'PE4',
        occurredAt: '2025-03-31T06:00:00+01:00',
        reportedAt: '2025-03-31T05:10:00Z',
      },
      chloe,
      C,
    ),
    // A correction of the child's details only: the latest responsibleLaCode wins (E08000004).
    ev(
      {
        kind: 'EPISODE_CORRECTED',
        setting: 'HOME',
        agency: POLICE_GM,
        agencyChildRef: 'P-C',
        agencyEpisodeRef: 'PE4',
        occurredAt: '2025-04-01T09:00:00Z',
        reportedAt: '2025-04-01T09:05:00Z',
        correction: {},
      },
      { responsibleLaCode: 'E08000004' },
      C,
    ),
    // An invalid event is never counted, whatever it says.
    ev(
      {
        kind: 'EPISODE_CORRECTED',
        setting: 'HOME',
        agency: POLICE_GM,
        agencyChildRef: 'P-C',
        agencyEpisodeRef: 'PE4',
        occurredAt: '2025-04-02T09:00:00Z',
        reportedAt: '2025-04-02T09:05:00Z',
        correction: { missingFrom: '2025-03-01T00:00:00Z' },
      },
      { nhsNumber: '6716689967' },
      C,
      false,
    ),

    // Child D: Sunday 30 March 23:30 BST = 22:30Z: week of 24 March; returned in the week of 31 March: open at the end of week 03-24.
    // No responsibleLaCode anywhere: la UNKNOWN. The RETURNED arrives first: order does not matter.
    ev(
      {
        kind: 'RETURNED',
        setting: 'HOME',
        agency: POLICE_GM,
        agencyChildRef: 'P-D',
        agencyEpisodeRef: 'PE5',
        occurredAt: '2025-03-31T02:00:00Z',
        reportedAt: '2025-03-31T02:30:00Z',
      },
      dan,
      D,
    ),
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'HOME',
        agency: POLICE_GM,
        agencyChildRef: 'P-D',
        agencyEpisodeRef: 'PE5',
        occurredAt: '2025-03-30T23:30:00+01:00',
        reportedAt: '2025-03-31T01:00:00+01:00',
        riskGrade: 'LOW',
      },
      dan,
      D,
    ),

    // Child E: the LA and a school; no shared key (school: typo in family name, partial DOB).
    // Truth: one episode 03-18..03-26 (open at end of week 03-17). Deterministic: two children, two episodes.
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'EDUCATION',
        agency: LA_CAMBS,
        agencyChildRef: 'L-E',
        agencyEpisodeRef: 'LE6',
        occurredAt: '2025-03-18T09:00:00Z',
        reportedAt: '2025-03-18T12:00:00Z',
      },
      { nhsNumber: '4010232137', givenName: 'Noah', familyName: 'Smith', dateOfBirth: '2011-05-06', responsibleLaCode: 'E10000003' },
      E,
    ),
    ev(
      {
        kind: 'RETURNED',
        setting: 'EDUCATION',
        agency: LA_CAMBS,
        agencyChildRef: 'L-E',
        agencyEpisodeRef: 'LE6',
        occurredAt: '2025-03-25T09:00:00Z',
        reportedAt: '2025-03-25T10:00:00Z',
      },
      { givenName: 'Noah', familyName: 'Smith', dateOfBirth: '2011-05-06' },
      E,
    ),
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'EDUCATION',
        agency: SCHOOL,
        agencyChildRef: 'S-E',
        agencyEpisodeRef: 'SE7',
        occurredAt: '2025-03-19T09:00:00Z',
        reportedAt: '2025-03-19T15:00:00Z',
      },
      { upn: 'UN2', givenName: 'Noah', familyName: 'Smyth', dateOfBirth: '2011-05', responsibleLaCode: 'E10000003' },
      E,
    ),
    ev(
      {
        kind: 'RETURNED',
        setting: 'EDUCATION',
        agency: SCHOOL,
        agencyChildRef: 'S-E',
        agencyEpisodeRef: 'SE7',
        occurredAt: '2025-03-26T12:00:00Z',
        reportedAt: '2025-03-26T13:00:00Z',
      },
      { givenName: 'Noah', familyName: 'Smyth', dateOfBirth: '2011-05' },
      E,
    ),
  ];
}

/** The hand-built events with the tie made explicit (two corrections, same reportedAt, chosen eventIds). */
function scenario(): ExpectedInput[] {
  const events = handBuiltEvents();
  const tie = (eventId: string, missingFrom: string): ExpectedInput => ({
    valid: true,
    trueChildId: 'A',
    event: {
      eventId,
      schemaVersion: 1,
      kind: 'EPISODE_CORRECTED',
      setting: 'HOME',
      agency: LA_WESTMINSTER,
      agencyChildRef: 'L-A',
      agencyEpisodeRef: 'LE1',
      occurredAt: '2025-03-05T09:00:00Z',
      reportedAt: '2025-03-05T09:00:00Z',
      child: {},
      correction: { missingFrom },
    },
  });
  // Same reportedAt: the greater eventId (ffff...) wins, so the start is 03-03 12:00, not 02-20.
  return [
    ...events,
    tie('ffffffff-0000-4000-8000-000000000001', '2025-03-03T12:00:00Z'),
    tie('aaaaaaaa-0000-4000-8000-000000000001', '2025-02-20T12:00:00Z'),
  ];
}

const row = (
  weekCommencing: string,
  setting: ExpectedRow['setting'],
  la: string,
  children: number,
  episodesStarted: number,
  openAtWeekEnd: number,
): ExpectedRow => ({ weekCommencing, setting, la, children, episodesStarted, openAtWeekEnd });

/** Worked out by hand from the scenario above (truth: five children, five national episodes). */
const TRUTH_ROWS: ExpectedRow[] = [
  // A: HOME, E09000033 (the police member starts first but has no LA: falls back to the LA's).
  row('2025-03-03', 'ALL', 'ALL', 1, 1, 0),
  row('2025-03-03', 'ALL', 'E09000033', 1, 1, 0),
  row('2025-03-03', 'HOME', 'ALL', 1, 1, 0),
  row('2025-03-03', 'HOME', 'E09000033', 1, 1, 0),
  // B: CARE, E08000025, open from week 03-10 to the horizon week 04-07.
  row('2025-03-10', 'ALL', 'ALL', 1, 1, 1),
  row('2025-03-10', 'ALL', 'E08000025', 1, 1, 1),
  row('2025-03-10', 'CARE', 'ALL', 1, 1, 1),
  row('2025-03-10', 'CARE', 'E08000025', 1, 1, 1),
  // E starts (EDUCATION, E10000003) and is open at the end of week 03-17; B still open.
  row('2025-03-17', 'ALL', 'ALL', 1, 1, 2),
  row('2025-03-17', 'ALL', 'E08000025', 0, 0, 1),
  row('2025-03-17', 'ALL', 'E10000003', 1, 1, 1),
  row('2025-03-17', 'CARE', 'ALL', 0, 0, 1),
  row('2025-03-17', 'CARE', 'E08000025', 0, 0, 1),
  row('2025-03-17', 'EDUCATION', 'ALL', 1, 1, 1),
  row('2025-03-17', 'EDUCATION', 'E10000003', 1, 1, 1),
  // D starts Sunday 23:30 BST (HOME, UNKNOWN), open at the end of week 03-24; E returned this week; B open.
  row('2025-03-24', 'ALL', 'ALL', 1, 1, 2),
  row('2025-03-24', 'ALL', 'E08000025', 0, 0, 1),
  row('2025-03-24', 'ALL', 'UNKNOWN', 1, 1, 1),
  row('2025-03-24', 'CARE', 'ALL', 0, 0, 1),
  row('2025-03-24', 'CARE', 'E08000025', 0, 0, 1),
  row('2025-03-24', 'HOME', 'ALL', 1, 1, 1),
  row('2025-03-24', 'HOME', 'UNKNOWN', 1, 1, 1),
  // C starts Monday 00:30 BST (HOME, E08000004 after the details correction) and returns the same week; B open.
  row('2025-03-31', 'ALL', 'ALL', 1, 1, 1),
  row('2025-03-31', 'ALL', 'E08000004', 1, 1, 0),
  row('2025-03-31', 'ALL', 'E08000025', 0, 0, 1),
  row('2025-03-31', 'CARE', 'ALL', 0, 0, 1),
  row('2025-03-31', 'CARE', 'E08000025', 0, 0, 1),
  row('2025-03-31', 'HOME', 'ALL', 1, 1, 0),
  row('2025-03-31', 'HOME', 'E08000004', 1, 1, 0),
  // Horizon week: only B, still open.
  row('2025-04-07', 'ALL', 'ALL', 0, 0, 1),
  row('2025-04-07', 'ALL', 'E08000025', 0, 0, 1),
  row('2025-04-07', 'CARE', 'ALL', 0, 0, 1),
  row('2025-04-07', 'CARE', 'E08000025', 0, 0, 1),
];

/** Deterministic linkage cannot join E's records: two children, two episodes in week 03-17. */
const DETERMINISTIC_ROWS: ExpectedRow[] = TRUTH_ROWS.map((r) => {
  if (r.weekCommencing !== '2025-03-17') return r;
  if (r.setting === 'ALL' && r.la === 'ALL') return row('2025-03-17', 'ALL', 'ALL', 2, 2, 3);
  if (r.la === 'E10000003' || r.setting === 'EDUCATION') return { ...r, children: 2, episodesStarted: 2, openAtWeekEnd: 2 };
  return r;
});

describe('computeExpected on a hand-built scenario', () => {
  it('uses only events that validation accepts (sanity check of the scenario itself)', () => {
    const options = { reference: referenceData(), now: NOW, maxClockSkewMs: 60_000, maxEventBytes: DEFAULT_MAX_EVENT_BYTES };
    for (const input of scenario()) {
      const result = validateEvent(JSON.parse(JSON.stringify(input.event)), options);
      expect({ eventId: input.event?.eventId, ok: result.ok }).toEqual({ eventId: input.event?.eventId, ok: input.valid });
    }
  });

  it('checks the calendar facts the scenario relies on', () => {
    expect(weekCommencing(new Date('2025-03-30T23:30:00Z'))).toBe('2025-03-31');
    expect(weekCommencing(new Date('2025-03-30T22:30:00Z'))).toBe('2025-03-24');
    expect(weekCommencing(new Date('2025-04-09T10:00:00Z'))).toBe('2025-04-07');
  });

  it('computes the truth figures worked out by hand', () => {
    const expected = computeExpected(scenario());
    expect(expected.horizonWeek).toBe('2025-04-07');
    expect(expected.truth).toEqual(TRUTH_ROWS);
    expect(expected.stats).toMatchObject({ agencyEpisodes: 8, excludedEpisodes: 1, agencyChildren: 8, truthChildren: 5, truthEpisodes: 5 });
  });

  it('computes the deterministic figures: E is two children there', () => {
    const expected = computeExpected(scenario());
    expect(expected.deterministic).toEqual(DETERMINISTIC_ROWS);
    expect(expected.stats).toMatchObject({ deterministicChildren: 6, deterministicEpisodes: 6 });
  });

  it('does not depend on the order of the events', () => {
    const forward = computeExpected(scenario());
    const backward = computeExpected([...scenario()].reverse());
    expect(backward).toEqual(forward);
  });

  it('counts a withdrawn episode nowhere, and would count it if it were not withdrawn', () => {
    const withoutWithdrawal = scenario().filter((e) => e.event?.kind !== 'REPORT_WITHDRAWN');
    const rows = computeExpected(withoutWithdrawal).truth.filter((r) => r.weekCommencing === '2025-03-17' && r.setting === 'HOME');
    // PE2 alone: no return (open), and the police record has no responsibleLaCode (UNKNOWN).
    expect(rows).toEqual([row('2025-03-17', 'HOME', 'ALL', 1, 1, 1), row('2025-03-17', 'HOME', 'UNKNOWN', 1, 1, 1)]);
  });

  it('computes the return-interview and care missing-type figures worked out by hand', () => {
    const empty = { children: 0, episodes: 0 };
    const care = { M: empty, A: empty, NOT_STATED: empty };
    expect(computeExpected(scenario()).measures).toEqual([
      // A (HOME) ends 03-04: the LA's RETURNED offered an interview and was reported 30 minutes later.
      { weekCommencing: '2025-03-03', returnInterviewEpisodesEnded: 1, returnInterviewOfferedWithin72h: 1, care },
      // B (CARE) starts: reported M, corrected to A by the LA; the police member is HOME (untyped).
      {
        weekCommencing: '2025-03-10',
        returnInterviewEpisodesEnded: 0,
        returnInterviewOfferedWithin72h: 0,
        care: { ...care, A: { children: 1, episodes: 1 } },
      },
      // C and D (HOME) end; E's EDUCATION episodes end in weeks 03-24 and are not counted.
      { weekCommencing: '2025-03-31', returnInterviewEpisodesEnded: 2, returnInterviewOfferedWithin72h: 0, care },
      // Ben's HOME episode is never returned: it ends on his 18th birthday, 2027-01-15 (docs/events.md).
      { weekCommencing: '2027-01-11', returnInterviewEpisodesEnded: 1, returnInterviewOfferedWithin72h: 0, care },
    ]);
  });

  it('leaves episodes during school out of the return-interview figures, whatever their returns say', () => {
    const offered = scenario().map((e) =>
      e.event?.kind === 'RETURNED' && e.event.setting === 'EDUCATION' ? { ...e, event: { ...e.event, returnInterviewOffered: true } } : e,
    );
    expect(computeExpected(offered).measures).toEqual(computeExpected(scenario()).measures);
  });

  it('returns no rows and no horizon without valid events', () => {
    expect(computeExpected([])).toMatchObject({ horizonWeek: null, deterministic: [], truth: [] });
  });
});

describe('computeExpected: the definitions at the edges (docs/events.md)', () => {
  const kid = { nhsNumber: '9434765919', dateOfBirth: '2012-04-03', responsibleLaCode: 'E09000033' };
  const school = (occurredAt: string, ref: string) =>
    ev(
      {
        kind: 'MISSING_REPORTED',
        setting: 'EDUCATION',
        agency: SCHOOL,
        agencyChildRef: 'S',
        agencyEpisodeRef: ref,
        occurredAt,
        reportedAt: occurredAt,
      },
      kid,
      'K',
    );
  const police = (kind: 'MISSING_REPORTED' | 'RETURNED', occurredAt: string, child: ChildAttributes = kid) =>
    ev({ kind, setting: 'HOME', agency: POLICE_MET, agencyChildRef: 'P', agencyEpisodeRef: 'P1', occurredAt, reportedAt: occurredAt }, child, 'K');

  it("ends an unreturned episode just before the child's next one a day or more later (an implied return), not swallowing it", () => {
    const figures = computeExpected([
      school('2025-01-06T09:00:00Z', 'S1'),
      police('MISSING_REPORTED', '2025-02-10T20:00:00Z'),
      police('RETURNED', '2025-02-11T08:00:00Z'),
    ]);
    expect(figures.stats).toMatchObject({ deterministicEpisodes: 2, impliedReturns: 1 });
    expect(figures.impliedReturnsByAgency).toEqual(new Map([['123456', 1]]));
    const england = figures.deterministic.filter((r) => r.setting === 'ALL' && r.la === 'ALL');
    // Open at the end of the five weeks 01-06 to 02-03; the police episode starts its own week.
    expect(england.map((r) => [r.weekCommencing, r.episodesStarted, r.openAtWeekEnd])).toEqual([
      ['2025-01-06', 1, 1],
      ['2025-01-13', 0, 1],
      ['2025-01-20', 0, 1],
      ['2025-01-27', 0, 1],
      ['2025-02-03', 0, 1],
      ['2025-02-10', 1, 0],
    ]);
  });

  it('takes a report starting within a day as the same episode, and places episodes in the LA stated at their start', () => {
    const moved = { ...kid, responsibleLaCode: 'E08000025' };
    const figures = computeExpected([
      school('2025-01-06T09:00:00Z', 'S1'),
      police('MISSING_REPORTED', '2025-01-06T20:00:00Z'),
      police('RETURNED', '2025-01-07T08:00:00Z'),
      ev(
        {
          kind: 'MISSING_REPORTED',
          setting: 'EDUCATION',
          agency: SCHOOL,
          agencyChildRef: 'S',
          agencyEpisodeRef: 'S2',
          occurredAt: '2025-03-03T09:00:00Z',
          reportedAt: '2025-03-03T09:00:00Z',
        },
        moved,
        'K',
      ),
    ]);
    expect(figures.stats).toMatchObject({ deterministicEpisodes: 2, impliedReturns: 0 });
    const started = figures.deterministic.filter((r) => r.setting === 'ALL' && r.la !== 'ALL' && r.episodesStarted > 0);
    expect(started.map((r) => [r.weekCommencing, r.la])).toEqual([
      ['2025-01-06', 'E09000033'],
      ['2025-03-03', 'E08000025'],
    ]);
  });

  it('ends an episode still open on the 18th birthday at 00:00 London time, and counts a later return of it', () => {
    const seventeen = { ...kid, dateOfBirth: '2007-06-15' };
    // A school's stray RETURNED (no report: not counted) only moves the horizon past the birthday.
    const open = computeExpected([
      police('MISSING_REPORTED', '2025-06-10T20:00:00Z', seventeen),
      ev({ ...school('2025-06-30T09:00:00Z', 'S9').event!, kind: 'RETURNED', agencyEpisodeRef: 'S9' } as Spec, {}, 'K'),
    ]);
    // Open at the end of the week of 06-09 only: the birthday, 06-15 00:00 BST, is that Sunday.
    expect(open.deterministic.filter((r) => r.setting === 'ALL' && r.la === 'ALL').map((r) => [r.weekCommencing, r.openAtWeekEnd])).toEqual([
      ['2025-06-09', 0],
    ]);
    const returned = computeExpected([police('MISSING_REPORTED', '2025-06-10T20:00:00Z', seventeen), police('RETURNED', '2025-06-20T08:00:00Z', {})]);
    // Returned (accepted: the age rule applies at the start) on 06-20: open at the end of week 06-09.
    expect(returned.deterministic.filter((r) => r.setting === 'ALL' && r.la === 'ALL').map((r) => [r.weekCommencing, r.openAtWeekEnd])).toEqual([
      ['2025-06-09', 1],
    ]);
  });

  it('lets the first event with an eventId count and ignores a later one with the same id, whatever it says', () => {
    const first = police('MISSING_REPORTED', '2025-01-06T20:00:00Z');
    const reused = { ...first, event: { ...first.event!, occurredAt: '2025-02-03T20:00:00Z' } };
    const weeks = (inputs: ExpectedInput[]) =>
      computeExpected(inputs)
        .deterministic.filter((r) => r.episodesStarted > 0)
        .map((r) => r.weekCommencing);
    expect(new Set(weeks([first, reused]))).toEqual(new Set(['2025-01-06']));
  });
});
