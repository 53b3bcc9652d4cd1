import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, InjectDataSource, ReleaseStatusRepository } from '@mcm/persistence';
import { completenessOf, lastCompleteWeek, ReleaseRule, reportedThrough, WeekCompleteness } from '@mcm/bulletin';
import { ApiEnv } from '../config/api.env';

/** Where the weeks stand now: the release rule (libs/bulletin) over the agencies' latest reports. */
export interface ReleaseCalendar {
  /** Week commencing of the last complete week: the default end of a weekly query. */
  lastCompleteWeek: string;
  /** The week of the latest report received, or null: "open at week end" is not known after it. */
  horizonWeek: string | null;
  completeness: (weekStart: string) => WeekCompleteness;
}

/**
 * The same rule as the bulletin job's (RELEASE_ACTIVE_AGENCY_WEEKS, RELEASE_LATENESS_DAYS, set
 * alike for both services), applied to the same table, so the API's `p` and the bulletins' agree.
 */
@Injectable()
export class ReleaseCalendarService {
  private readonly release = new ReleaseStatusRepository();
  private readonly rule: ReleaseRule;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<ApiEnv, true>,
  ) {
    this.rule = {
      activeAgencyWeeks: config.get('RELEASE_ACTIVE_AGENCY_WEEKS', { infer: true }),
      latenessDays: config.get('RELEASE_LATENESS_DAYS', { infer: true }),
    };
  }

  async now(now = new Date()): Promise<ReleaseCalendar> {
    const activeSince = new Date(now.getTime() - this.rule.activeAgencyWeeks * 7 * 86_400_000);
    const [reports, horizonWeek] = await Promise.all([
      this.release.latestReports(this.db.manager, activeSince),
      this.release.horizonWeek(this.db.manager),
    ]);
    const through = reportedThrough(reports, now, this.rule);
    return { lastCompleteWeek: lastCompleteWeek(now, through, this.rule), horizonWeek, completeness: completenessOf(now, through, this.rule) };
  }
}
