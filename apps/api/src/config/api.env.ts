import { AuthEnv } from '../auth/auth.env';
import { IsInt, IsString, Max, Min } from 'class-validator';

/** Common settings, token verification, then the API's own. */
export class ApiEnv extends AuthEnv {
  @IsInt() @Min(1) @Max(65535)
  API_PORT: number = 3000;

  /** Loopback by default; containers set 0.0.0.0. */
  @IsString()
  API_HOST: string = '127.0.0.1';

  /** Requests per minute per subject (per address before sign-in). */
  @IsInt() @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  /** How long a whole answer of the incidence endpoints may be reused (0 = never). */
  @IsInt() @Min(0) @Max(300)
  API_CACHE_SECONDS: number = 2;

  /** Processes serving the API (Node cluster); 1 = this process only. */
  @IsInt() @Min(1) @Max(16)
  API_WORKERS: number = 1;

  /** Comma-separated origins allowed by CORS; empty = CORS closed. */
  @IsString()
  CORS_ORIGINS: string = '';
}
