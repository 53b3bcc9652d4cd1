import { CommonEnv } from '@mcm/shared';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUrl } from 'class-validator';

/** A variable set to the empty string counts as not set. */
const BlankIsUnset = () => Transform(({ value }) => (value === '' ? undefined : value));

/** Token verification settings. In production one of the three keys must be set (no default). */
export class AuthEnv extends CommonEnv {
  /** HS256 shared secret. */
  @BlankIsUnset() @IsOptional() @IsString()
  JWT_SECRET?: string;

  /** RS256 public key (PEM, SPKI). */
  @BlankIsUnset() @IsOptional() @IsString()
  JWT_PUBLIC_KEY?: string;

  /** JWKS URL of the identity provider (RS256 keys by `kid`). */
  @BlankIsUnset() @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  JWKS_URL?: string;

  @IsString()
  JWT_ISSUER: string = 'missing-children-monitor';

  @IsString()
  JWT_AUDIENCE: string = 'mcm-api';
}

/** Used only outside production, so that `npm start` and the tests work without configuration. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-not-for-production';
