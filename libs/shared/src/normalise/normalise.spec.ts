import { normaliseName, normalisePostcode, postcodeDistrict, postcodeSector } from '.';

describe('normaliseName', () => {
  it('removes diacritics, folds case and collapses whitespace', () => {
    expect(normaliseName('  zoë   o’brien ')).toBe("ZOE O'BRIEN");
    expect(normaliseName('José-María')).toBe('JOSE-MARIA');
    expect(normaliseName('anne - marie')).toBe('ANNE-MARIE');
    expect(normaliseName('Łukasz')).toBe('ŁUKASZ'.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
  });
});

describe('normalisePostcode', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    [' M1 1AE ', 'M1 1AE'],
    ['b33-8th', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['dn551pt', 'DN55 1PT'],
  ])('%s -> %s', (raw, canonical) => expect(normalisePostcode(raw)).toBe(canonical));
  it.each(['', '12345', 'ABC', 'SW1A 1A'])('rejects %s', (raw) => expect(normalisePostcode(raw)).toBeNull());
  it('derives sector and district', () => {
    expect(postcodeSector('SW1A 1AA')).toBe('SW1A 1');
    expect(postcodeDistrict('SW1A 1AA')).toBe('SW1A');
  });
});
