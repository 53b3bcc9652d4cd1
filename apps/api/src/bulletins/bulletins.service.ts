import { Injectable, NotFoundException } from '@nestjs/common';
import { BulletinRepository, DataSource, InjectDataSource } from '@mcm/persistence';
import { ReleaseStatus } from '@mcm/bulletin';
import { isoWeekLabel, weekStartOfLabel } from '@mcm/shared';

export type BulletinFormat = 'json' | 'csv' | 'html';

/** `releaseStatus`: provisional (data not yet complete), final, or revised (an edition after the final one). */
export interface BulletinSummary {
  week: string;
  weekCommencing: string;
  revision: number;
  releaseStatus: ReleaseStatus;
  publishedAt: string;
  links: Record<BulletinFormat, string>;
}

const links = (week: string): Record<BulletinFormat, string> => ({
  json: `/v1/bulletins/${week}.json`,
  csv: `/v1/bulletins/${week}.csv`,
  html: `/v1/bulletins/${week}.html`,
});

@Injectable()
export class BulletinsService {
  private readonly bulletins = new BulletinRepository();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The latest revision of every published week, newest first. */
  async list(): Promise<BulletinSummary[]> {
    const rows = await this.bulletins.latestOfEveryWeek(this.db);
    return rows.map((r) => ({
      week: isoWeekLabel(r.weekStart),
      weekCommencing: r.weekStart,
      revision: r.revision,
      releaseStatus: r.releaseStatus,
      publishedAt: r.publishedAt.toISOString(),
      links: links(isoWeekLabel(r.weekStart)),
    }));
  }

  /** One week's bulletin in one format: the latest revision unless one is asked for. */
  async get(week: string, format: BulletinFormat, revision?: number): Promise<string | object> {
    const weekStart = weekStartOfLabel(week);
    if (!weekStart) throw new NotFoundException(`${week} is not an ISO week`);
    const row = await this.bulletins.formats(this.db, weekStart, revision);
    if (!row) throw new NotFoundException(`no bulletin has been published for ${week}${revision === undefined ? '' : ` revision ${revision}`}`);
    return format === 'json' ? row.content : format === 'csv' ? row.csv : row.html;
  }
}
