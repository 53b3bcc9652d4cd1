import { CommonEnv } from '@mcm/shared';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUrl, Matches, registerDecorator, ValidationOptions } from 'class-validator';
import { DURATION_PATTERN } from './token-age';

/** A variable set to the empty string counts as not set. */
const BlankIsUnset = () => Transform(({ value }) => (value === '' ? undefined : value));

/** HS256 secrets shorter than this are refused (RFC 7518 3.2: a key at least as long as the hash). */
export const MIN_JWT_SECRET_BYTES = 32;

/** At least `bytes` bytes once UTF-8 encoded (as the verifier uses it); the message never shows the value. */
function HasAtLeastBytes(bytes: number, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'hasAtLeastBytes',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && Buffer.byteLength(value, 'utf8') >= bytes,
        defaultMessage: () => `${propertyName} must be at least ${bytes} bytes long (e.g. openssl rand -hex 32)`,
      },
    });
}

/** Token verification settings. In production one of the three keys must be set (no default). */
export class AuthEnv extends CommonEnv {
  /** HS256 shared secret, at least 32 bytes. */
  @BlankIsUnset()
  @IsOptional()
  @IsString()
  @HasAtLeastBytes(MIN_JWT_SECRET_BYTES)
  JWT_SECRET?: string;

  /** RS256 public key (PEM, SPKI). */
  @BlankIsUnset()
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;

  /** JWKS URL of the identity provider (RS256 keys by `kid`); https only, whatever NODE_ENV says. */
  @BlankIsUnset()
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https'] }, { message: 'JWKS_URL must be an https:// URL' })
  JWKS_URL?: string;

  @IsString()
  JWT_ISSUER: string = 'missing-children-monitor';

  @IsString()
  JWT_AUDIENCE: string = 'mcm-api';

  /** The oldest token accepted, counted from its `iat` whatever its `exp` says (`12h`, `30m`, `1d`). */
  @Matches(DURATION_PATTERN, { message: 'JWT_MAX_TOKEN_AGE must be a duration such as 12h, 30m, 90s or 1d' })
  JWT_MAX_TOKEN_AGE: string = '12h';
}

/** Used only outside production, so that `npm start` and the tests work without configuration. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-not-for-production';
