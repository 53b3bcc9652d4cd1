import { createLocalJWKSet, createRemoteJWKSet, importSPKI, JWTPayload, jwtVerify, KeyLike } from 'jose';
import { AuthenticatedUser, Role, ROLES } from './roles';

export interface VerifierSettings {
  secret?: string;
  publicKey?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export class InvalidTokenError extends Error {}

type KeySource = Uint8Array | KeyLike | ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

/** Verifies bearer tokens: signature (HS256, RS256 or JWKS), issuer, audience, expiry, role. */
export class TokenVerifier {
  private key?: Promise<KeySource>;
  /** Tokens already verified, until their expiry: a client sends the same token many times. */
  private readonly verified = new Map<string, { user: AuthenticatedUser; expiresAt: number }>();

  constructor(private readonly settings: VerifierSettings) {
    if (!settings.secret && !settings.publicKey && !settings.jwksUrl) throw new Error('no token key configured (JWT_SECRET, JWT_PUBLIC_KEY or JWKS_URL)');
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.user;
    return this.verifyFully(token);
  }

  private async verifyFully(token: string): Promise<AuthenticatedUser> {
    let payload: JWTPayload;
    try {
      const key = await this.keySource();
      ({ payload } = await jwtVerify(token, key as never, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: this.settings.secret ? ['HS256'] : ['RS256'],
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const role = payload.role as Role;
    if (!ROLES.includes(role)) throw new InvalidTokenError('the token has no known role');
    const user = { sub: String(payload.sub), role };
    if (this.verified.size >= 10_000) this.verified.clear();
    this.verified.set(token, { user, expiresAt: payload.exp! * 1000 });
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
