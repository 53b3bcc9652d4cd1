import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('are what helmet sets, with our script and image policy', () => {
    const headers = securityHeaders();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers['x-powered-by']).toBeUndefined();
  });
  it('are the same object for every response (computed once)', () => {
    expect(Object.isFrozen(securityHeaders())).toBe(true);
    expect(securityHeaders()).toEqual(securityHeaders());
  });
});
