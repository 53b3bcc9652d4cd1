import { isUnknownUpnCode, isValidNhsNumber, isValidUpn, nhsCheckDigit, upnCheckLetter } from '.';

describe('NHS number', () => {
  it.each(['9434765919', '6541003238', '6716689966', '943 476 5919'])('accepts %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(true);
  });
  it.each(['0000000001', '9434765918', '943476591', 'abcdefghij', ''])('rejects %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(false);
  });
  it('computes the check digit used by the simulator', () => {
    expect(nhsCheckDigit('943476591')).toBe(9);
  });
});

describe('UPN', () => {
  const body = '801000112345';
  const valid = upnCheckLetter(body) + body;
  it('accepts a UPN whose check letter matches', () => {
    expect(isValidUpn(valid)).toBe(true);
    expect(isValidUpn(valid.toLowerCase())).toBe(true);
  });
  it('rejects a wrong check letter, a wrong length and I/O/S letters', () => {
    const wrong = valid[0] === 'A' ? 'B' + body : 'A' + body;
    expect(isValidUpn(wrong)).toBe(false);
    expect(isValidUpn(valid.slice(0, 12))).toBe(false);
    expect(isValidUpn('I' + body)).toBe(false);
  });
  it('accepts a temporary UPN ending in a letter', () => {
    const temp = body.slice(0, 11) + 'A';
    expect(isValidUpn(upnCheckLetter(temp) + temp)).toBe(true);
  });
  it('knows the unknown-UPN codes', () => {
    expect(isUnknownUpnCode('UN3')).toBe(true);
    expect(isUnknownUpnCode('UN6')).toBe(false);
  });
});
