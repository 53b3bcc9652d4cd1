import { createLocalJWKSet, createRemoteJWKSet, importSPKI, JWTPayload, jwtVerify, KeyLike } from 'jose';
import { AuthenticatedUser, Role, ROLES } from './roles';
import { MIN_JWT_SECRET_BYTES } from './auth.env';
import { trustedUntil } from './token-age';

export interface VerifierSettings {
  secret?: string;
  publicKey?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** Tokens issued longer ago than this are refused, whatever their `exp` says. */
  maxTokenAgeSeconds: number;
}

export class InvalidTokenError extends Error {}

type KeySource = Uint8Array | KeyLike | ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

/**
 * Verifies bearer tokens: signature (HS256, RS256 or JWKS), issuer, audience, expiry, issue time
 * (required, and no older than the maximum token age), role.
 */
export class TokenVerifier {
  private key?: Promise<KeySource>;
  /** Tokens already verified, until their expiry or maximum age: a client sends the same token many times. */
  private readonly verified = new Map<string, { user: AuthenticatedUser; expiresAt: number }>();

  constructor(private readonly settings: VerifierSettings) {
    if (!settings.secret && !settings.publicKey && !settings.jwksUrl)
      throw new Error('no token key configured (JWT_SECRET, JWT_PUBLIC_KEY or JWKS_URL)');
    // The environment is validated at start-up; these guard any other caller.
    if (settings.secret && Buffer.byteLength(settings.secret, 'utf8') < MIN_JWT_SECRET_BYTES)
      throw new Error(`the token secret must be at least ${MIN_JWT_SECRET_BYTES} bytes long`);
    if (settings.jwksUrl && new URL(settings.jwksUrl).protocol !== 'https:') throw new Error('the JWKS URL must be https');
    if (!(settings.maxTokenAgeSeconds > 0)) throw new Error('the maximum token age must be positive');
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    return this.known(token) ?? this.verifyFully(token);
  }

  /** The subject of a token already verified and still valid, without any cryptography; else undefined. */
  known(token: string): AuthenticatedUser | undefined {
    const known = this.verified.get(token);
    return known && known.expiresAt > Date.now() ? known.user : undefined;
  }

  private async verifyFully(token: string): Promise<AuthenticatedUser> {
    let payload: JWTPayload;
    try {
      const key = await this.keySource();
      ({ payload } = await jwtVerify(token, key as never, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: this.settings.secret ? ['HS256'] : ['RS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: this.settings.maxTokenAgeSeconds,
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const role = payload.role as Role;
    if (!ROLES.includes(role)) throw new InvalidTokenError('the token has no known role');
    const user = { sub: String(payload.sub), role };
    if (this.verified.size >= 10_000) this.verified.clear();
    this.verified.set(token, { user, expiresAt: trustedUntil({ iat: payload.iat!, exp: payload.exp! }, this.settings.maxTokenAgeSeconds) });
    return user;
  }

  private keySource(): Promise<KeySource> {
    const { secret, publicKey, jwksUrl } = this.settings;
    this.key ??= secret
      ? Promise.resolve(new TextEncoder().encode(secret))
      : publicKey
        ? importSPKI(publicKey, 'RS256')
        : Promise.resolve(createRemoteJWKSet(new URL(jwksUrl!)));
    return this.key;
  }
}
