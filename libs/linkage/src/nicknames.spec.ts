import { areNicknames, canonicalGivenName, nicknameGroups } from './nicknames';

describe('nicknames', () => {
  it.each([
    ['BILL', 'WILLIAM'],
    ['LIZ', 'ELIZABETH'],
    ['ALFIE', 'ALFRED'],
    ['PEGGY', 'MARGARET'],
    ['JACK', 'JOHN'],
  ])('%s is a form of %s', (short, formal) => {
    expect(areNicknames(short, formal)).toBe(true);
    expect(areNicknames(formal, short)).toBe(true);
  });
  it('does not pair unrelated names', () => {
    expect(areNicknames('BILL', 'ELIZABETH')).toBe(false);
    expect(areNicknames('UNKNOWNNAME', 'WILLIAM')).toBe(false);
  });
  it('knows ambiguous short forms belong to several names', () => {
    expect(nicknameGroups('AL').length).toBeGreaterThanOrEqual(3);
    expect(areNicknames('AL', 'ALFRED')).toBe(true);
    expect(areNicknames('AL', 'ALAN')).toBe(true);
  });
  it('canonicalises to a formal name for blocking', () => {
    expect(canonicalGivenName('BILLY')).toBe('WILLIAM');
    expect(canonicalGivenName('ZEBEDEE')).toBe('ZEBEDEE');
  });
});
