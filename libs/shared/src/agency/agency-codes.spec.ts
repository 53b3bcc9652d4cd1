import { agencyTypeOfCode } from './agency-codes';

describe('agencyTypeOfCode', () => {
  it.each([
    ['E23000001', 'POLICE'],
    ['W15000002', 'POLICE'],
    ['E09000033', 'LOCAL_AUTHORITY'],
    ['E06000001', 'LOCAL_AUTHORITY'],
    ['100001', 'SCHOOL'],
    ['012345', undefined],
    ['E12000007', undefined],
    ['', undefined],
  ])('%s is %s', (code, type) => expect(agencyTypeOfCode(code)).toBe(type));
});
