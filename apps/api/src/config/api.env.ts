import { CommonEnv } from '@mcm/shared';
import { IsInt, IsString, Max, Min } from 'class-validator';

export class ApiEnv extends CommonEnv {
  @IsInt() @Min(1) @Max(65535)
  API_PORT: number = 3000;

  /** Loopback by default; containers set 0.0.0.0. */
  @IsString()
  API_HOST: string = '127.0.0.1';
}
