import { Bulletin, renderBulletinCsv, renderBulletinHtml, renderBulletinJson } from '@mcm/bulletin';
import { KafkaPublisher, TOPICS } from '@mcm/kafka';
import { addWeeks, referenceData, weekCommencing } from '@mcm/shared';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { WeeklyBreakdownRepository } from '../aggregation/weekly-breakdown.repository';
import { assembleBulletin } from './assemble-bulletin';
import { sameWeekLastYear, StatisticsFiguresRepository } from '@mcm/persistence';

export interface BulletinSettings {
  silentDaysFlag: number;
  methodologyUrl: string;
  contact: string;
  /** Earliest week to catch up from when nothing has been published yet (default: last week only). */
  firstWeek?: string;
  /** Default: missing.bulletins.v1 (with KAFKA_TOPIC_PREFIX). */
  topic?: string;
}

export interface BuildOutcome {
  week: string;
  weekStart: string;
  revision: number;
  created: boolean;
  publishedAt: Date;
  /** Where the bulletin message went, when it was published now. */
  topic?: { name: string; partition: number; offset: string };
}

/** One builder at a time across instances; the content hash makes a rebuild of equal data a no-op. */
const BULLETIN_LOCK = 'mcm.bulletin.builder';

export class BulletinService {
  private readonly figures = new StatisticsFiguresRepository();

  constructor(private readonly dataSource: DataSource, private readonly publisher: KafkaPublisher, private readonly settings: BulletinSettings) {}

  /**
   * Builds the bulletin of one week. Same data as the latest revision: nothing new (idempotent).
   * Changed data: the next numbered revision, stored and published in one step.
   */
  async build(weekStart: string, now = new Date()): Promise<BuildOutcome> {
    // Breakdowns are recomputed behind the batches: bring them up to date before reading them.
    await new WeeklyBreakdownRepository().refreshAll(this.dataSource);
    return this.dataSource.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BULLETIN_LOCK]);
      const content = await this.content(db, weekStart);
      const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
      const [latest]: { revision: number; content_hash: string; published_at: Date }[] = await db.query(
        'SELECT revision, content_hash, published_at FROM bulletin WHERE week_start = $1::date ORDER BY revision DESC LIMIT 1',
        [weekStart],
      );
      if (latest?.content_hash === contentHash) {
        return { week: content.week, weekStart, revision: latest.revision, created: false, publishedAt: latest.published_at };
      }
      const bulletin: Bulletin = { ...content, revision: latest ? latest.revision + 1 : 0, publishedAt: now.toISOString() };
      const { data, meta } = renderBulletinCsv(bulletin);
      await db.query(
        `INSERT INTO bulletin (week_start, revision, published_at, content_hash, content, csv, meta_csv, html)
         VALUES ($1::date, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
        [weekStart, bulletin.revision, now, contentHash, renderBulletinJson(bulletin), data, meta, renderBulletinHtml(bulletin)],
      );
      // Published before the commit: a bulletin in the database has always reached the topic.
      const topic = this.settings.topic ?? TOPICS.bulletins;
      const [ack] = await this.publisher.publishWithAck({ topic, key: `${bulletin.week}-r${bulletin.revision}`, value: renderBulletinJson(bulletin) });
      return { week: bulletin.week, weekStart, revision: bulletin.revision, created: true, publishedAt: now, topic: { name: topic, ...ack } };
    });
  }

  /** Builds every week not yet published up to the last complete week (weeks missed while down). */
  async catchUp(now = new Date()): Promise<BuildOutcome[]> {
    const lastComplete = addWeeks(weekCommencing(now), -1);
    const [row]: { week: string | null }[] = await this.dataSource.query('SELECT max(week_start)::text AS week FROM bulletin');
    let week = row.week ? addWeeks(row.week, 1) : (this.settings.firstWeek ?? lastComplete);
    const outcomes: BuildOutcome[] = [];
    for (; week <= lastComplete; week = addWeeks(week, 1)) outcomes.push(await this.build(week, now));
    return outcomes;
  }

  private async content(db: EntityManager, weekStart: string): Promise<Omit<Bulletin, 'revision' | 'publishedAt'>> {
    const lastYear = sameWeekLastYear(weekStart);
    const trendWeeks = Array.from({ length: 52 }, (_, i) => addWeeks(weekStart, i - 51));
    const national = await this.figures.incidence(db, [...trendWeeks.slice(0, -1), lastYear], 'national');
    const thisWeek = await this.figures.incidence(db, [weekStart], 'all');
    return assembleBulletin({
      weekStart,
      incidence: new Map([...national, ...thisWeek]),
      sameWeekLastYear: lastYear,
      breakdowns: await this.figures.breakdowns(db, weekStart),
      revisions: await this.figures.revisions(db, weekStart, await this.figures.previousPublication(db, weekStart)),
      agencies: await this.figures.agencies(db, weekStart),
      reference: referenceData(),
      silentDaysFlag: this.settings.silentDaysFlag,
      methodologyUrl: this.settings.methodologyUrl,
      contact: this.settings.contact,
    });
  }
}

