import { AgencyEvent } from '@mcm/shared';
import { mapSsda903Return } from './map-return';
import { aReturn, HEADER, IMPORTED_AT, MISSING, patched, Table, toCsv } from './testing/sample-return';
import { Ssda903RowError } from './types';

interface ErrorCase {
  header?: Table;
  missing?: Table;
  /** The errors expected (reason checked separately: it must not repeat the raw value). */
  expected: Omit<Ssda903RowError, 'reason'>[];
  raw: string;
  /** Episodes ("CHILD agencyEpisodeRef") of the sample return that the error keeps out. */
  notImported: string[];
}

const C1001_EPISODES = ['C1001 903.20260614', 'C1001 903.20260110'];
const headerRowInvalid = [
  { file: 'Missing.csv', row: 2, column: 'CHILD' },
  { file: 'Missing.csv', row: 3, column: 'CHILD' },
];

const cases: Record<string, ErrorCase> = {
  'a SEX that is not 1 or 2': {
    header: patched(HEADER, 0, { SEX: '3' }),
    raw: '3',
    expected: [{ file: 'Header.csv', row: 2, column: 'SEX' }, ...headerRowInvalid],
    notImported: C1001_EPISODES,
  },
  'a DOB not on the calendar': {
    header: patched(HEADER, 0, { DOB: '31/02/2011' }),
    raw: '31/02/2011',
    expected: [{ file: 'Header.csv', row: 2, column: 'DOB' }, ...headerRowInvalid],
    notImported: C1001_EPISODES,
  },
  'a DOB in another form': {
    header: patched(HEADER, 0, { DOB: '3 April 2011' }),
    raw: '3 April 2011',
    expected: [{ file: 'Header.csv', row: 2, column: 'DOB' }, ...headerRowInvalid],
    notImported: C1001_EPISODES,
  },
  'an unknown ETHNIC code': {
    header: patched(HEADER, 0, { ETHNIC: 'XWBR' }),
    raw: 'XWBR',
    expected: [{ file: 'Header.csv', row: 2, column: 'ETHNIC' }, ...headerRowInvalid],
    notImported: C1001_EPISODES,
  },
  'a UPN of the wrong length': {
    header: patched(HEADER, 0, { UPN: 'R80120010100' }),
    raw: 'R80120010100',
    expected: [{ file: 'Header.csv', row: 2, column: 'UPN' }, ...headerRowInvalid],
    notImported: C1001_EPISODES,
  },
  'a UPN with a wrong check letter': {
    header: patched(HEADER, 0, { UPN: 'F801200101001' }),
    raw: 'F801200101001',
    expected: [{ file: 'Header.csv', row: 2, column: 'UPN' }, ...headerRowInvalid],
    notImported: C1001_EPISODES,
  },
  'a child on two Header rows': {
    header: [...HEADER, { ...HEADER[0], SEX: '1' }],
    raw: 'C1001',
    expected: [{ file: 'Header.csv', row: 4, column: 'CHILD' }, ...headerRowInvalid],
    notImported: C1001_EPISODES,
  },
  'a Missing row without a Header row': {
    missing: [...MISSING, { CHILD: 'C7777', MISSING: 'M', MIS_START: '01/02/2026', MIS_END: '' }],
    raw: 'C7777',
    expected: [{ file: 'Missing.csv', row: 5, column: 'CHILD' }],
    notImported: [],
  },
  'a CHILD that is not a usable reference': {
    header: [...HEADER, { ...HEADER[1], CHILD: 'C 1003' }],
    missing: [...MISSING, { ...MISSING[2], CHILD: 'C 1003' }],
    raw: 'C 1003',
    expected: [
      { file: 'Header.csv', row: 4, column: 'CHILD' },
      { file: 'Missing.csv', row: 5, column: 'CHILD' },
    ],
    notImported: [],
  },
  'a MISSING type other than M or A': {
    missing: patched(MISSING, 1, { MISSING: 'R' }),
    raw: 'R',
    expected: [{ file: 'Missing.csv', row: 3, column: 'MISSING' }],
    notImported: ['C1001 903.20260110'],
  },
  'an empty MIS_START': {
    missing: patched(MISSING, 1, { MIS_START: '' }),
    raw: 'C1001',
    expected: [{ file: 'Missing.csv', row: 3, column: 'MIS_START' }],
    notImported: ['C1001 903.20260110'],
  },
  'a MIS_START in another form': {
    missing: patched(MISSING, 1, { MIS_START: '10.01.2026' }),
    raw: '10.01.2026',
    expected: [{ file: 'Missing.csv', row: 3, column: 'MIS_START' }],
    notImported: ['C1001 903.20260110'],
  },
  'a MIS_END not on the calendar': {
    missing: patched(MISSING, 0, { MIS_END: '31/06/2026' }),
    raw: '31/06/2026',
    expected: [{ file: 'Missing.csv', row: 2, column: 'MIS_END' }],
    notImported: ['C1001 903.20260614'],
  },
  'a MIS_END before MIS_START': {
    missing: patched(MISSING, 0, { MIS_END: '13/06/2026' }),
    raw: '13/06/2026',
    expected: [{ file: 'Missing.csv', row: 2, column: 'MIS_END' }],
    notImported: ['C1001 903.20260614'],
  },
  'a second row with the same CHILD and MIS_START': {
    missing: [...MISSING, { ...MISSING[0], MIS_END: '' }],
    raw: '14/06/2026',
    expected: [{ file: 'Missing.csv', row: 5, column: 'MIS_START' }],
    notImported: [],
  },
  'a MIS_START after the import': {
    missing: patched(MISSING, 1, { MIS_START: '01/12/2026' }),
    raw: '01/12/2026',
    expected: [{ file: 'Missing.csv', row: 3, column: 'MIS_START' }],
    notImported: ['C1001 903.20260110'],
  },
  'a MIS_END after the import': {
    missing: patched(MISSING, 1, { MIS_END: '01/12/2026' }),
    raw: '01/12/2026',
    expected: [{ file: 'Missing.csv', row: 3, column: 'MIS_END' }],
    notImported: ['C1001 903.20260110'],
  },
  'a MIS_START before the child was born': {
    missing: patched(MISSING, 1, { MIS_START: '02/04/2011' }),
    raw: '02/04/2011',
    expected: [{ file: 'Missing.csv', row: 3, column: 'MIS_START' }],
    notImported: ['C1001 903.20260110'],
  },
  'a MIS_START on or after the 18th birthday': {
    header: patched(HEADER, 1, { DOB: '15/01/2008' }),
    missing: patched(MISSING, 2, { MIS_START: '15/01/2026', MIS_END: '' }),
    raw: '15/01/2026',
    expected: [{ file: 'Missing.csv', row: 4, column: 'MIS_START' }],
    notImported: ['C1002 903.20260329'],
  },
  'a Missing file without MIS_END': {
    missing: MISSING.map(({ MIS_END: _end, ...row }) => row),
    raw: 'MIS_END_',
    expected: [{ file: 'Missing.csv', row: 1, column: 'MIS_END' }],
    notImported: ['C1001 903.20260614', 'C1001 903.20260110', 'C1002 903.20260329'],
  },
};

describe('mapSsda903Return errors', () => {
  const all = mapSsda903Return(aReturn()).events;
  const episodeOf = (e: AgencyEvent) => `${e.agencyChildRef} ${e.agencyEpisodeRef}`;

  it.each(Object.entries(cases))('reports %s, imports nothing of the row and the rest as usual', (_name, c) => {
    const { events, errors } = mapSsda903Return(aReturn(c.header ?? HEADER, c.missing ?? MISSING));
    expect(errors.map(({ reason: _reason, ...where }) => where)).toEqual(c.expected);
    for (const { reason } of errors) expect(reason).not.toContain(c.raw);
    // Exactly the other episodes of the sample are imported, with the same events and ids.
    expect(events).toEqual(all.filter((e) => !c.notImported.includes(episodeOf(e))));
  });

  it('names the reason in words a data officer can act on', () => {
    const { errors } = mapSsda903Return(
      aReturn(patched(HEADER, 0, { SEX: '3' }), patched(MISSING, 2, { MIS_END: '13/06/2026', MIS_START: '14/06/2026' })),
    );
    expect(errors.map((e) => `${e.file}:${e.row} ${e.column}: ${e.reason}`)).toEqual([
      'Header.csv:2 SEX: SEX is not 1 (male) or 2 (female)',
      "Missing.csv:2 CHILD: the child's Header row is invalid",
      "Missing.csv:3 CHILD: the child's Header row is invalid",
      'Missing.csv:4 MIS_END: MIS_END is before MIS_START',
    ]);
  });

  it('reports an empty file, and a Header file without a column imports nothing at all', () => {
    expect(mapSsda903Return({ ...aReturn(), missingCsv: '' }).errors).toEqual([
      { file: 'Missing.csv', row: 1, column: '', reason: 'the file is empty: it has no header line' },
    ]);
    const noEthnic = mapSsda903Return(aReturn(HEADER.map(({ ETHNIC: _e, ...row }) => row)));
    expect(noEthnic).toEqual({
      events: [],
      errors: [{ file: 'Header.csv', row: 1, column: 'ETHNIC', reason: 'the header line has no ETHNIC column' }],
    });
  });

  it('reports a file that is not CSV (a quote never closed) without quoting it, and imports nothing from it', () => {
    const missingCsv = 'CHILD,MISSING,MIS_START,MIS_END\r\nC1001,M,14/06/2026,\r\n"C1002 SMITH,M,10/01/2026,\r\n';
    const result = mapSsda903Return({ ...aReturn(), missingCsv });
    expect(result.errors).toEqual([
      { file: 'Missing.csv', row: 3, column: '', reason: 'the file is not readable CSV (CSV_QUOTE_NOT_CLOSED): nothing imported' },
    ]);
    expect(result.events).toEqual([]);
  });

  it('counts rows as a spreadsheet does: blank lines count, a quoted line break does not start a row', () => {
    const missingCsv = `CHILD,MISSING,MIS_START,MIS_END\r\n\r\n"C1001",M,14/06/2026,"16/06/2026"\r\nC1001,X,10/01/2026,\r\n`;
    expect(mapSsda903Return({ ...aReturn(), missingCsv }).errors).toEqual([
      { file: 'Missing.csv', row: 4, column: 'MISSING', reason: 'MISSING is not M (missing) or A (away without authorisation)' },
    ]);
    expect(toCsv(HEADER).startsWith('\ufeffCHILD,SEX')).toBe(true);
    expect(IMPORTED_AT.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });
});
