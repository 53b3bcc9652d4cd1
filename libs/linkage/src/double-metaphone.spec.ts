import { doubleMetaphone } from './double-metaphone';

describe('doubleMetaphone', () => {
  it.each([
    ['SMITH', 'SM0', 'XMT'],
    ['SCHMIDT', 'XMT', 'SMT'],
    ['JONES', 'JNS', 'ANS'],
    ['KNIGHT', 'NT', 'NT'],
    ['PHILIP', 'FLP', 'FLP'],
    ['XAVIER', 'SF', 'SFR'],
    ['JOSE', 'HS', 'HS'],
    ['CATHERINE', 'K0RN', 'KTRN'],
    ['MICHAEL', 'MKL', 'MXL'],
    ['WRIGHT', 'RT', 'RT'],
  ])('%s -> %s / %s', (name, primary, alternate) => {
    expect(doubleMetaphone(name)).toEqual([primary, alternate]);
  });

  it('gives sound-alike spellings a common key', () => {
    const shares = (a: string, b: string) => {
      const [p1, a1] = doubleMetaphone(a);
      const [p2, a2] = doubleMetaphone(b);
      return p1 === p2 || p1 === a2 || a1 === p2 || a1 === a2;
    };
    expect(shares('STEPHEN', 'STEVEN')).toBe(true);
    expect(shares('SMITH', 'SMYTH')).toBe(true);
    expect(shares('KATHERINE', 'CATHERINE')).toBe(true);
    expect(shares('SMITH', 'JONES')).toBe(false);
  });

  it('ignores non-letters and returns empty keys for empty input', () => {
    expect(doubleMetaphone("O'Brien")).toEqual(doubleMetaphone('OBRIEN'));
    expect(doubleMetaphone('')).toEqual(['', '']);
  });
});
