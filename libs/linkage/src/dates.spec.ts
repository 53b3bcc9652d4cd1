import { formatDate, parseDate } from './dates';
import { fromChildAttributes } from './record';

describe('parseDate', () => {
  it.each([
    ['2011-03-04', { year: 2011, month: 3, day: 4 }],
    ['20110304', { year: 2011, month: 3, day: 4 }],
    ['04/03/2011', { year: 2011, month: 3, day: 4 }],
    ['4/3/2011', { year: 2011, month: 3, day: 4 }],
    ['2011-03', { year: 2011, month: 3 }],
    ['2011', { year: 2011 }],
  ])('reads %s', (raw, expected) => expect(parseDate(raw)).toEqual(expected));
  it('treats blanks and rubbish as missing', () => {
    expect(parseDate('')).toBeUndefined();
    expect(parseDate('  ')).toBeUndefined();
    expect(parseDate('next tuesday')).toBeUndefined();
    expect(parseDate(undefined)).toBeUndefined();
  });
  it('keeps the valid part of an impossible date', () => {
    expect(parseDate('2011-02-30')).toEqual({ year: 2011, month: 2 });
    expect(parseDate('20111304')).toEqual({ year: 2011 });
  });
  it('formats partial dates back', () => {
    expect(formatDate({ year: 2011, month: 3, day: 4 })).toBe('2011-03-04');
    expect(formatDate({ year: 2011, month: 3 })).toBe('2011-03');
  });
});

describe('fromChildAttributes', () => {
  it('maps the contract shape, treating sex U as missing', () => {
    const r = fromChildAttributes(
      'c1',
      {
        givenName: 'Amy',
        familyName: 'Khan',
        dateOfBirth: '2012-05',
        sex: 'U',
        nhsNumber: '943 476 5919',
        homePostcode: 'SW1A 1AA',
        responsibleLaCode: 'E09000033',
        upn: 'UN2',
      },
      'POLICE',
    );
    expect(r).toEqual({
      id: 'c1',
      source: 'POLICE',
      givenName: 'Amy',
      familyName: 'Khan',
      dob: { year: 2012, month: 5 },
      nhsNumber: '943 476 5919',
      postcode: 'SW1A 1AA',
      laCode: 'E09000033',
      upn: 'UN2',
    });
  });
});
