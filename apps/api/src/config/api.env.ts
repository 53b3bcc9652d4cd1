import { DEFAULT_RELEASE_RULE } from '@mcm/bulletin';
import { AuthEnv } from '../auth/auth.env';
import { IsInt, IsString, Max, Min } from 'class-validator';

/** Common settings, token verification, then the API's own. */
export class ApiEnv extends AuthEnv {
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

  /**
   * The release rule (docs/STATISTICS.md, "When a week is complete"), the same values as the
   * aggregator's: an agency is active when it reported in the last N weeks; a week is complete
   * once every active agency has reported past its end, or this many days after its end.
   */
  @IsInt()
  @Min(1)
  @Max(52)
  RELEASE_ACTIVE_AGENCY_WEEKS: number = DEFAULT_RELEASE_RULE.activeAgencyWeeks;

  @IsInt()
  @Min(0)
  @Max(90)
  RELEASE_LATENESS_DAYS: number = DEFAULT_RELEASE_RULE.latenessDays;

  /** Comma-separated origins allowed by CORS; empty = CORS closed. */
  @IsString()
  CORS_ORIGINS: string = '';
}
