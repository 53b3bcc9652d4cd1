import { IdentityKeyEnv } from '@mcm/shared';
import { IsInt, IsString, Max, Min } from 'class-validator';

export class IngestEnv extends IdentityKeyEnv {
  /** Larger events are dead-lettered as OVERSIZED. */
  @IsInt()
  @Min(1024)
  @Max(900 * 1024)
  MAX_EVENT_BYTES: number = 64 * 1024;

  /** How far ahead of this service's clock an agency timestamp may be. */
  @IsInt()
  @Min(0)
  @Max(3600)
  MAX_CLOCK_SKEW_SECONDS: number = 300;

  /**
   * The plausibility window: an instant more than this many years before this service's clock is
   * dead-lettered as TIMESTAMP_TOO_OLD (a case system's default date, 1900-01-01, is not a report).
   */
  @IsInt()
  @Min(1)
  @Max(100)
  MAX_EVENT_AGE_YEARS: number = 10;

  /** How often ingest looks for newly onboarded agencies' topics. */
  @IsInt()
  @Min(1)
  @Max(3600)
  INGEST_RESUBSCRIBE_SECONDS: number = 5;

  /** The HTTP gateway for agencies without a Kafka client. */
  @IsInt()
  @Min(0)
  @Max(65535)
  INGEST_HTTP_PORT: number = 3100;

  @IsString()
  INGEST_HTTP_HOST: string = '127.0.0.1';

  /** Requests per agency per minute (each up to 1,000 events). */
  @IsInt()
  @Min(1)
  GATEWAY_RATE_LIMIT_PER_MINUTE: number = 120;

  /** The largest request body the gateway reads. */
  @IsInt()
  @Min(64 * 1024)
  @Max(64 * 1024 * 1024)
  GATEWAY_MAX_BODY_BYTES: number = 4 * 1024 * 1024;
}
