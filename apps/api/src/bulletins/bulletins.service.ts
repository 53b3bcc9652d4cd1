import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isoWeekLabel, weekStartOfLabel } from '@mcm/shared';
import { DataSource } from 'typeorm';

export type BulletinFormat = 'json' | 'csv' | 'html';

/** `releaseStatus`: provisional (data not yet complete), final, or revised (an edition after the final one). */
export interface BulletinSummary {
  week: string; weekCommencing: string; revision: number; releaseStatus: 'provisional' | 'final' | 'revised'; publishedAt: string; links: Record<BulletinFormat, string>;
}

const links = (week: string): Record<BulletinFormat, string> => ({ json: `/v1/bulletins/${week}.json`, csv: `/v1/bulletins/${week}.csv`, html: `/v1/bulletins/${week}.html` });

@Injectable()
export class BulletinsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The latest revision of every published week, newest first. */
  async list(): Promise<BulletinSummary[]> {
    const rows: { week_start: string; revision: number; release_status: BulletinSummary['releaseStatus']; published_at: Date }[] = await this.db.query(
      `SELECT DISTINCT ON (week_start) week_start::text, revision, release_status, published_at FROM bulletin ORDER BY week_start DESC, revision DESC`,
    );
    return rows.map((r) => ({ week: isoWeekLabel(r.week_start), weekCommencing: r.week_start, revision: r.revision, releaseStatus: r.release_status, publishedAt: r.published_at.toISOString(), links: links(isoWeekLabel(r.week_start)) }));
  }

  /** One week's bulletin in one format: the latest revision unless one is asked for. */
  async get(week: string, format: BulletinFormat, revision?: number): Promise<string | object> {
    const weekStart = weekStartOfLabel(week);
    if (!weekStart) throw new NotFoundException(`${week} is not an ISO week`);
    const [row]: { content: object; csv: string; html: string }[] = await this.db.query(
      `SELECT content, csv, html FROM bulletin WHERE week_start = $1::date AND ($2::int IS NULL OR revision = $2::int)
        ORDER BY revision DESC LIMIT 1`,
      [weekStart, revision ?? null],
    );
    if (!row) throw new NotFoundException(`no bulletin has been published for ${week}${revision === undefined ? '' : ` revision ${revision}`}`);
    return format === 'json' ? row.content : format === 'csv' ? row.csv : row.html;
  }
}
