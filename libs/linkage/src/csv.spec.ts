import { parseCsv, parseFieldMap, rowConverter } from './csv';

describe('CSV reading', () => {
  it('handles quotes, CRLF, a BOM, initial spaces and no final newline', () => {
    const t = parseCsv('\ufeffid, name, note\r\n1, amy, "a, b"\r\n2, "O""Neil",');
    expect(t.header).toEqual(['id', 'name', 'note']);
    expect(t.rows).toEqual([
      ['1', 'amy', 'a, b'],
      ['2', 'O"Neil', ''],
    ]);
  });

  it('maps columns to fields, joins columns and reads dates', () => {
    const map = parseFieldMap('given_name=first,family_name=last,dob=born,address=no+street,extra:state=state');
    const t = parseCsv('ref,first,last,born,no,street,state\n7,Amy,Khan,04/03/2011,12,high st,\n');
    const toRecord = rowConverter(t.header, 'ref', map, { idPrefix: 'a:', source: 'a' });
    expect(toRecord(t.rows[0])).toEqual({
      id: 'a:7',
      source: 'a',
      givenName: 'Amy',
      familyName: 'Khan',
      dob: { year: 2011, month: 3, day: 4 },
      address: '12 high st',
    });
  });

  it('rejects unknown fields and missing columns', () => {
    expect(() => parseFieldMap('shoe_size=x')).toThrow(/unknown field/);
    expect(() => rowConverter(['a'], 'id', [])).toThrow(/not found/);
  });
});
