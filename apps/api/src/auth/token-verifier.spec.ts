import { SignJWT } from 'jose';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

describe('TokenVerifier', () => {
  const secret = 'a-test-secret-of-at-least-thirty-two-bytes';
  const settings = { secret, issuer: 'mcm', audience: 'api', maxTokenAgeSeconds: 12 * 3600 };
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, iat: number | null = now()) => {
    const jwt = new SignJWT({ role: 'analyst', ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setIssuer('mcm')
      .setAudience('api');
    if (iat !== null) jwt.setIssuedAt(iat);
    return jwt.sign(new TextEncoder().encode(secret));
  };

  it('accepts a fresh token and then knows it without verifying again', async () => {
    const verifier = new TokenVerifier(settings);
    const token = await sign({ exp: now() + 600 });
    expect(verifier.known(token)).toBeUndefined();
    expect(await verifier.verify(token)).toEqual({ sub: 'alice', role: 'analyst' });
    expect(verifier.known(token)).toEqual({ sub: 'alice', role: 'analyst' });
  });

  it('refuses a token without iat', async () => {
    await expect(new TokenVerifier(settings).verify(await sign({ exp: now() + 600 }, null))).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token older than the maximum age whatever its exp says', async () => {
    const verifier = new TokenVerifier(settings);
    const old = await sign({ exp: now() + 30 * 86_400 }, now() - 13 * 3600);
    await expect(verifier.verify(old)).rejects.toThrow(/iat/);
    expect(verifier.known(old)).toBeUndefined();
    expect(await verifier.verify(await sign({ exp: now() + 30 * 86_400 }, now() - 11 * 3600))).toEqual({ sub: 'alice', role: 'analyst' });
  });

  it('refuses a token issued in the future', async () => {
    await expect(new TokenVerifier(settings).verify(await sign({ exp: now() + 7200 }, now() + 3600))).rejects.toThrow(InvalidTokenError);
  });

  it('trusts a known token no longer than its maximum age', async () => {
    const verifier = new TokenVerifier({ ...settings, maxTokenAgeSeconds: 60 });
    const token = await sign({ exp: now() + 86_400 }, now() - 59);
    await verifier.verify(token);
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 2000;
      expect(verifier.known(token)).toBeUndefined();
    } finally {
      Date.now = realNow;
    }
  });

  it('refuses to be built with a short secret, a JWKS URL without TLS or no maximum age', () => {
    expect(() => new TokenVerifier({ ...settings, secret: 'x'.repeat(31) })).toThrow(/at least 32 bytes/);
    expect(() => new TokenVerifier({ ...settings, secret: undefined, jwksUrl: 'http://idp.example/jwks' })).toThrow(/https/);
    expect(() => new TokenVerifier({ ...settings, maxTokenAgeSeconds: 0 })).toThrow(/maximum token age/);
    expect(() => new TokenVerifier({ ...settings, secret: undefined, jwksUrl: 'https://idp.example/jwks' })).not.toThrow();
  });
});
