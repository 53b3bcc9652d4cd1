import { mintRequest } from './mint-command';

describe('npm run token', () => {
  const argv = ['--role', 'analyst', '--sub', 'alice'];

  it('refuses to mint in production, whatever the secret', () => {
    expect(() => mintRequest(argv, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(64) })).toThrow(
      /refusing to mint a token with NODE_ENV=production/,
    );
  });

  it('refuses a secret the API would refuse', () => {
    expect(() => mintRequest(argv, { JWT_SECRET: 'too-short' })).toThrow(/at least 32 bytes/);
  });

  it('mints with the configured secret, or the development one when none is set', () => {
    expect(mintRequest([...argv, '--expires', '1h'], { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) })).toEqual({
      sub: 'alice',
      role: 'analyst',
      secret: 'x'.repeat(32),
      issuer: 'missing-children-monitor',
      audience: 'mcm-api',
      expiresIn: '1h',
    });
    expect(mintRequest(argv, {}).secret).toBeUndefined();
  });

  it('needs a known role and a subject', () => {
    expect(() => mintRequest(['--role', 'root', '--sub', 'x'], {})).toThrow(/usage/);
    expect(() => mintRequest(['--role', 'analyst'], {})).toThrow(/usage/);
  });
});
