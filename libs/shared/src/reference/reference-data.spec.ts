import { parseCsv, ReferenceData } from '.';

describe('ReferenceData', () => {
  const ref = ReferenceData.load();
  it('lists the 153 English children\'s services authorities with their regions', () => {
    expect(ref.localAuthorities.size).toBe(153);
    expect(ref.localAuthorities.get('E06000001')).toMatchObject({ name: 'Hartlepool', laNumber: '805', regionCode: 'E12000001', regionName: 'North East' });
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
});
