import { CommonEnv } from '@mcm/shared';
import { IsInt, IsString, Max, Min } from 'class-validator';

export class IngestEnv extends CommonEnv {
  @IsString()
  INGEST_GROUP_ID: string = 'mcm-ingest';

  /** Larger events are dead-lettered as OVERSIZED. */
  @IsInt() @Min(1024) @Max(900 * 1024)
  MAX_EVENT_BYTES: number = 64 * 1024;

  /** How far ahead of this service's clock an agency timestamp may be. */
  @IsInt() @Min(0) @Max(3600)
  MAX_CLOCK_SKEW_SECONDS: number = 300;
}
