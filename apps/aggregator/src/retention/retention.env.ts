import { CommonEnv } from '@mcm/shared';
import { IsInt, Max, Min } from 'class-validator';

export const DEFAULT_RETENTION_MONTHS = 24;
/**
 * At least six months: a child who goes missing again after a purge starts a new record, and the
 * repeat-missing flag looks back 90 days, so with this floor no purged episode could have counted
 * towards a new one's flag.
 */
export const RETENTION_MONTHS_MIN = 6;
export const RETENTION_MONTHS_MAX = 1200;

/** What `npm run retention` reads (the aggregator reads the same RETENTION_MONTHS: AggregatorEnv). */
export class RetentionCliEnv extends CommonEnv {
  @IsInt()
  @Min(RETENTION_MONTHS_MIN)
  @Max(RETENTION_MONTHS_MAX)
  RETENTION_MONTHS: number = DEFAULT_RETENTION_MONTHS;
}
