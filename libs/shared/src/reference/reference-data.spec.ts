import { parseCsv, parseCsvWithRowNumbers, ReferenceData, UnreadableCsvError } from '.';

describe('ReferenceData', () => {
  const ref = ReferenceData.load();
  it("lists the 153 English children's services authorities with their regions", () => {
    expect(ref.localAuthorities.size).toBe(153);
    expect(ref.localAuthorities.get('E06000001')).toMatchObject({
      name: 'Hartlepool',
      laNumber: '805',
      regionCode: 'E12000001',
      regionName: 'North East',
    });
    expect(ref.localAuthorities.get('E08000038')?.name).toBe('Barnsley');
    expect(ref.regions.size).toBe(9);
  });
  it('lists the 43 police forces of England and Wales despite the BOM', () => {
    expect(ref.policeForces.size).toBe(43);
    expect(ref.policeForces.get('E23000001')?.name).toBe('Metropolitan Police');
    expect(ref.policeForces.has('W15000004')).toBe(true);
  });
  it('parses quoted fields and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([{ a: 'x, y', b: 'say "hi"' }]);
  });
  it('numbers rows as a spreadsheet does: header row 1, blank rows counted, a multi-line field is one row', () => {
    const table = parseCsvWithRowNumbers('\ufeffa, b\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.headerRow).toBe(1);
    expect(table.records).toEqual([
      { row: 2, values: { a: '1', b: 'two\r\nlines' } },
      { row: 4, values: { a: '3', b: '4' } },
    ]);
    expect(parseCsvWithRowNumbers('')).toEqual({ columns: [], headerRow: 0, records: [] });
  });
  it('reads mixed line endings, short and long rows, and spaces around quoted fields', () => {
    expect(parseCsv('a,b\n1\r\n2,3,4\r "x" , y\n')).toEqual([
      { a: '1', b: '' },
      { a: '2', b: '3' },
      { a: 'x', b: 'y' },
    ]);
  });
  it('refuses a quote never closed, naming the row and not the text', () => {
    let caught: unknown;
    try {
      parseCsvWithRowNumbers('a,b\n1,2\n3,"SECRET\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnreadableCsvError);
    expect(caught).toMatchObject({ row: 3 });
    expect((caught as Error).message).not.toContain('SECRET');
  });
});
