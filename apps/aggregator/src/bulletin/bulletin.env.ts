import { withReleaseRule } from '@mcm/bulletin';
import { IdentityKeyEnv } from '@mcm/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Settings of the weekly bulletin job (read by the aggregator). */
export class BulletinEnv extends withReleaseRule(IdentityKeyEnv) {
  @Transform(({ obj }) => obj.BULLETIN_ENABLED === undefined || obj.BULLETIN_ENABLED === true || obj.BULLETIN_ENABLED === 'true')
  @IsBoolean()
  BULLETIN_ENABLED: boolean = true;

  /** Cron expression in BULLETIN_TIME_ZONE; default Monday 07:00 London time. */
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'BULLETIN_CRON must be a cron expression such as "0 7 * * 1"' })
  BULLETIN_CRON: string = '0 7 * * 1';

  @IsString()
  BULLETIN_TIME_ZONE: string = 'Europe/London';

  /** Agencies with no event for longer than this are flagged in the completeness notes. */
  @IsInt()
  @Min(1)
  @Max(365)
  BULLETIN_SILENT_DAYS: number = 14;

  /** First week to publish when none has been (ISO week, e.g. 2026-W40); default: last week only. */
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'BULLETIN_FIRST_WEEK must be an ISO week such as 2026-W40' })
  BULLETIN_FIRST_WEEK?: string;

  @IsString()
  BULLETIN_METHODOLOGY_URL: string = 'https://github.com/missing-children-monitor/blob/main/docs/STATISTICS.md';

  @IsString()
  BULLETIN_CONTACT: string = 'National missing children statistics team';

  /**
   * How often the job re-checks provisional bulletins (minutes): each is rebuilt when its data
   * changed, and the final edition replaces it once the week is complete.
   */
  @IsInt()
  @Min(1)
  @Max(1440)
  BULLETIN_RECHECK_MINUTES: number = 15;
}
