import { envValidator } from '@mcm/shared';
import { verifierSettings } from '../auth/auth.module';
import { ApiEnv } from './api.env';

describe('ApiEnv', () => {
  const validate = envValidator(ApiEnv);

  it('has defaults for the token age, the budget without a token and the query size', () => {
    const env = validate({});
    expect([env.JWT_MAX_TOKEN_AGE, env.API_ANONYMOUS_RATE_LIMIT_PER_MINUTE, env.API_MAX_QUERY_BYTES]).toEqual(['12h', 60, 2048]);
  });

  it('refuses a JWT secret under 32 bytes, naming the variable and never showing the value', () => {
    expect(() => validate({ JWT_SECRET: 'short-secret-value' })).toThrow(/JWT_SECRET: JWT_SECRET must be at least 32 bytes/);
    expect(() => validate({ JWT_SECRET: 'short-secret-value' })).not.toThrow(/short-secret-value/);
    expect(validate({ JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
    // Bytes, not characters: 11 three-byte characters are 33 bytes.
    expect(validate({ JWT_SECRET: '€'.repeat(11) }).JWT_SECRET).toBe('€'.repeat(11));
    expect(validate({ JWT_SECRET: '' }).JWT_SECRET).toBeUndefined();
  });

  it('takes a JWKS URL over https only', () => {
    for (const url of ['http://idp.example/jwks', 'http://127.0.0.1:8080/jwks', 'ftp://idp.example/jwks', 'idp.example/jwks']) {
      expect(() => validate({ JWKS_URL: url })).toThrow(/JWKS_URL must be an https:\/\/ URL/);
    }
    expect(validate({ JWKS_URL: 'https://login.example.gov.uk/.well-known/jwks.json' }).JWKS_URL).toBeDefined();
  });

  it('reads the maximum token age as a duration', () => {
    expect(() => validate({ JWT_MAX_TOKEN_AGE: '12' })).toThrow(/JWT_MAX_TOKEN_AGE must be a duration/);
    const env = validate({ JWT_MAX_TOKEN_AGE: '30m' });
    expect(verifierSettings('test', env).maxTokenAgeSeconds).toBe(1800);
  });

  it('serves the development secret outside production only', () => {
    const env = validate({});
    expect(verifierSettings('test', env).secret).toBeDefined();
    expect(() => verifierSettings('production', env)).toThrow(/must be set in production/);
  });
});
