import { hashHttpCredential, looksLikeHttpCredential, newHttpCredential } from './http-credential';

describe('agency HTTP credentials', () => {
  it('are distinct, well-formed, and stored only as a 32-byte hash that does not contain them', () => {
    const a = newHttpCredential();
    const b = newHttpCredential();
    expect(a).not.toBe(b);
    expect(looksLikeHttpCredential(a)).toBe(true);
    expect(hashHttpCredential(a)).toHaveLength(32);
    expect(hashHttpCredential(a).equals(hashHttpCredential(a))).toBe(true);
    expect(hashHttpCredential(a).toString('hex')).not.toContain(Buffer.from(a).toString('hex').slice(0, 16));
  });
  it('refuses anything else before a lookup', () => {
    expect(looksLikeHttpCredential('Bearer x')).toBe(false);
    expect(looksLikeHttpCredential('mcm_agency_short')).toBe(false);
  });
});
