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

  /** Comma-separated origins allowed by CORS; empty = CORS closed. */
  @IsString()
  CORS_ORIGINS: string = '';
}
