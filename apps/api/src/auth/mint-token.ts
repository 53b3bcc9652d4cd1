import { SignJWT } from 'jose';
import { Role } from './roles';

/** Mints an HS256 token for local use (`npm run token`) and for tests. */
export function mintToken(
  claims: { sub: string; role: Role },
  settings: { secret: string; issuer: string; audience: string; expiresIn?: string },
): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(settings.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(settings.secret));
}
