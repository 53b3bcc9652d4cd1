import { withReleaseRule } from '@mcm/bulletin';
import { AuthEnv } from '../auth/auth.env';
import { IsInt, IsString, Max, Min } from 'class-validator';

/** Common settings, token verification, then the API's own. */
export class ApiEnv extends withReleaseRule(AuthEnv) {
  @IsInt()
  @Min(1)
  @Max(65535)
  API_PORT: number = 3000;

  /** Loopback by default; containers set 0.0.0.0. */
  @IsString()
  API_HOST: string = '127.0.0.1';

  /** Requests per minute per subject (per address on public routes). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  /**
   * Requests per minute per client address that come to a protected route without a valid token
   * (missing, invalid, expired); over it, 429 before any token is verified.
   */
  @IsInt()
  @Min(1)
  API_ANONYMOUS_RATE_LIMIT_PER_MINUTE: number = 60;

  /**
   * The longest query string served (bytes, as sent); longer ones get 414 before any work. Also
   * the most the audit trail stores of a request's parameters (longer ones are truncated, marked).
   */
  @IsInt()
  @Min(256)
  @Max(8192)
  API_MAX_QUERY_BYTES: number = 2048;

  /** How long a whole answer of the incidence endpoints may be reused (0 = never). */
  @IsInt()
  @Min(0)
  @Max(300)
  API_CACHE_SECONDS: number = 2;

  /** Processes serving the API (Node cluster); 1 = this process only. */
  @IsInt()
  @Min(1)
  @Max(16)
  API_WORKERS: number = 1;

  /** Comma-separated origins allowed by CORS; empty = CORS closed. */
  @IsString()
  CORS_ORIGINS: string = '';
}
