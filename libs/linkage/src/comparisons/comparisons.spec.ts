import { RecordStore } from '../store';
import { LinkageRecord } from '../record';
import { comparisonByName, comparisonsForStore } from '.';

const store = RecordStore.fromRecords([
  {
    id: '0',
    givenName: 'William',
    familyName: 'Smith',
    dob: { year: 2011, month: 3, day: 4 },
    postcode: 'SW1A 1AA',
    sex: 'M',
    laCode: 'E09000033',
    nhsNumber: '9434765919',
  },
  {
    id: '1',
    givenName: 'Bill',
    familyName: 'Smyth',
    dob: { year: 2011, month: 4, day: 3 },
    postcode: 'sw1a1ab',
    sex: 'U',
    laCode: 'E09000033',
    nhsNumber: '9434765918',
  },
  { id: '2', givenName: 'SMITH', familyName: 'WILLIAM', dob: { year: 2011, month: 3 }, postcode: 'SW1A 2AA', sex: 'F' },
  { id: '3', givenName: 'Wiliam', familyName: 'Smith', dob: { year: 2011, month: 3, day: 5 }, postcode: 'SW9 1AA', nhsNumber: '943 476 5919' },
  { id: '4', givenName: 'Zoe', familyName: 'Jones', dob: { year: 2001 }, postcode: '4011', upn: 'UN3' },
  { id: '5', givenName: 'Zoe', familyName: 'Jones', dob: { year: 2002, month: 3, day: 4 }, postcode: '4012' },
] satisfies LinkageRecord[]);
const level = (name: string, a: number, b: number) => {
  const c = comparisonByName(store, name)!;
  const l = c.compare(store, a, b);
  return l < 0 ? 'missing' : c.levels[l];
};

describe('comparisons', () => {
  it('names: exact, nickname, Jaro-Winkler band, swapped', () => {
    expect(level('given_name', 0, 3)).toBe('jaro_winkler_0.92');
    expect(level('given_name', 0, 1)).toBe('nickname');
    expect(level('family_name', 0, 1)).toBe('phonetic');
    expect(level('given_name', 0, 2)).toBe('exact');
    expect(level('family_name', 0, 2)).toBe('exact');
    expect(level('family_name', 0, 4)).toBe('different');
  });
  it('date of birth: transposed, one digit, partial, within a year', () => {
    expect(level('dob', 0, 1)).toBe('one_digit_or_day_month_transposed');
    expect(level('dob', 0, 3)).toBe('one_digit_or_day_month_transposed');
    expect(level('dob', 0, 2)).toBe('partial_agrees_year_month');
    expect(level('dob', 4, 5)).toBe('within_one_year');
    expect(level('dob', 0, 5)).toBe('different');
  });
  it('sex: unknown is missing', () => {
    expect(level('sex', 0, 1)).toBe('missing');
    expect(level('sex', 0, 2)).toBe('different');
  });
  it('postcode: full, sector, district, non-UK one edit', () => {
    expect(level('postcode', 0, 1)).toBe('sector_or_one_edit');
    expect(level('postcode', 0, 2)).toBe('district');
    expect(level('postcode', 0, 3)).toBe('different');
    expect(level('postcode', 4, 5)).toBe('sector_or_one_edit');
  });
  it('identifiers: validated before comparing; invalid or unknown codes are missing', () => {
    expect(level('nhs_number', 0, 3)).toBe('exact');
    expect(level('nhs_number', 0, 1)).toBe('missing');
    expect(level('upn', 4, 5)).toBe('missing');
  });
  it('local authority counts only when postcodes do not already place the records together', () => {
    expect(level('la_code', 0, 1)).toBe('missing');
  });
  it('selects the comparisons whose attributes are populated', () => {
    const names = comparisonsForStore(store).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['given_name', 'family_name', 'dob', 'postcode', 'nhs_number']));
    expect(names).not.toContain('email');
  });
});

describe('swapped and misspelt names', () => {
  const s = RecordStore.fromRecords([
    { id: 'a', givenName: 'Olivia', familyName: 'Campbell' },
    { id: 'b', givenName: 'Campbelll', familyName: 'Olivai' },
    { id: 'c', givenName: 'Olivia', familyName: 'Campbel' },
  ]);
  const lvl = (name: string, a: number, b: number) => comparisonByName(s, name)!.levels[comparisonByName(s, name)!.compare(s, a, b)];

  it('compares crosswise when both names agree closely only crosswise', () => {
    expect(lvl('given_name', 0, 1)).toBe('jaro_winkler_0.92');
    expect(lvl('family_name', 0, 1)).toBe('jaro_winkler_0.92');
  });

  it('keeps the straight comparison when it agrees closely', () => {
    expect(lvl('given_name', 0, 2)).toBe('exact');
    expect(lvl('family_name', 0, 2)).toBe('jaro_winkler_0.92');
  });
});
