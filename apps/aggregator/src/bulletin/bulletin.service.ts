import {
  Bulletin, completenessOf, DEFAULT_RELEASE_RULE, ReleaseRule, ReleaseStatus, renderBulletinCsv, renderBulletinHtml, renderBulletinJson,
  reportedThrough, WeekCompleteness,
} from '@mcm/bulletin';
import { KafkaPublisher } from '@mcm/kafka';
import { addWeeks, referenceData, weekCommencing } from '@mcm/shared';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { WeeklyBreakdownRepository } from '../aggregation/weekly-breakdown.repository';
import { assembleBulletin, BulletinContent, BulletinInputs } from './assemble-bulletin';
import { PublishedCellRepository, ReleaseStatusRepository, sameWeekLastYear, StatisticsFiguresRepository } from '@mcm/persistence';
import { publishedCells } from './published-cells';

export interface BulletinSettings {
  silentDaysFlag: number;
  methodologyUrl: string;
  contact: string;
  /** Earliest week to catch up from when nothing has been published yet (default: last week only). */
  firstWeek?: string;
  /** The bulletins topic: missing.bulletins.v1 (with KAFKA_TOPIC_PREFIX). */
  topic: string;
  /** When a week is complete (active agencies, lateness allowance); default DEFAULT_RELEASE_RULE. */
  releaseRule?: ReleaseRule;
}

export interface BuildOutcome {
  week: string;
  weekStart: string;
  revision: number;
  releaseStatus: ReleaseStatus;
  created: boolean;
  publishedAt: Date;
  /** Where the bulletin message went, when it was published now. */
  topic?: { name: string; partition: number; offset: string };
}

/** One builder at a time across instances; the content hash makes a rebuild of equal data a no-op. */
const BULLETIN_LOCK = 'mcm.bulletin.builder';
const DAY_MS = 86_400_000;

export class BulletinService {
  private readonly figures = new StatisticsFiguresRepository();
  private readonly release = new ReleaseStatusRepository();
  private readonly cells = new PublishedCellRepository();

  constructor(private readonly dataSource: DataSource, private readonly publisher: KafkaPublisher, private readonly settings: BulletinSettings) {}

  private get rule(): ReleaseRule {
    return this.settings.releaseRule ?? DEFAULT_RELEASE_RULE;
  }

  /**
   * Builds the bulletin of one week. Same data and status as the latest edition: nothing new
   * (idempotent). Otherwise the next numbered edition, stored and published in one step:
   * provisional while the week is not complete, final at the first build once it is (even with
   * figures unchanged: the final edition supersedes the provisional one), revised after that.
   */
  async build(weekStart: string, now = new Date()): Promise<BuildOutcome> {
    // Breakdowns are recomputed behind the batches: bring them up to date before reading them.
    await new WeeklyBreakdownRepository().refreshAll(this.dataSource);
    return this.dataSource.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BULLETIN_LOCK]);
      const completeness = await this.completeness(db, now);
      const inputs = await this.inputs(db, weekStart, completeness);
      const content = assembleBulletin(inputs);
      const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
      const [latest]: { revision: number; content_hash: string; published_at: Date; release_status: ReleaseStatus }[] = await db.query(
        'SELECT revision, content_hash, published_at, release_status FROM bulletin WHERE week_start = $1::date ORDER BY revision DESC LIMIT 1',
        [weekStart],
      );
      const complete = completeness(weekStart) === 'complete';
      const releaseStatus: ReleaseStatus = latest && latest.release_status !== 'provisional' ? 'revised' : complete ? 'final' : 'provisional';
      const becomesFinal = latest?.release_status === 'provisional' && complete;
      if (latest?.content_hash === contentHash && !becomesFinal) {
        return { week: content.week, weekStart, revision: latest.revision, releaseStatus: latest.release_status, created: false, publishedAt: latest.published_at };
      }
      const bulletin: Bulletin = { ...content, revision: latest ? latest.revision + 1 : 0, releaseStatus, publishedAt: now.toISOString() };
      const { data, meta } = renderBulletinCsv(bulletin);
      await db.query(
        `INSERT INTO bulletin (week_start, revision, published_at, content_hash, content, csv, meta_csv, html, release_status)
         VALUES ($1::date, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
        [weekStart, bulletin.revision, now, contentHash, renderBulletinJson(bulletin), data, meta, renderBulletinHtml(bulletin), releaseStatus],
      );
      await this.cells.record(db, weekStart, publishedCells(inputs, content), now);
      // Published before the commit: a bulletin in the database has always reached the topic.
      const topic = this.settings.topic;
      const [ack] = await this.publisher.publishWithAck({ topic, key: `${bulletin.week}-r${bulletin.revision}`, value: renderBulletinJson(bulletin) });
      return { week: bulletin.week, weekStart, revision: bulletin.revision, releaseStatus, created: true, publishedAt: now, topic: { name: topic, ...ack } };
    });
  }

  /**
   * The scheduler's pass: builds every week not yet published up to the last week that has ended
   * (weeks missed while down included) and within the data's horizon (a week no report has reached
   * is not published), then rebuilds every week whose latest edition is provisional, which gives a
   * new provisional edition if its figures changed and the final one once the week is complete.
   * Returns the editions published.
   */
  async catchUp(now = new Date()): Promise<BuildOutcome[]> {
    const lastEnded = addWeeks(weekCommencing(now), -1);
    const [row]: { week: string | null }[] = await this.dataSource.query('SELECT max(week_start)::text AS week FROM bulletin');
    const horizon = await this.release.horizonWeek(this.dataSource.manager);
    const last = horizon !== null && horizon < lastEnded ? horizon : lastEnded;
    const outcomes: BuildOutcome[] = [];
    const provisional: { week: string }[] = await this.dataSource.query(
      `SELECT week_start::text AS week FROM (SELECT DISTINCT ON (week_start) week_start, release_status FROM bulletin ORDER BY week_start, revision DESC) latest
        WHERE release_status = 'provisional' ORDER BY week_start`,
    );
    for (const { week } of provisional) {
      const outcome = await this.build(week, now);
      if (outcome.created) outcomes.push(outcome);
    }
    if (horizon === null) return outcomes;
    let week = row.week ? addWeeks(row.week, 1) : (this.settings.firstWeek ?? lastEnded);
    for (; week <= last; week = addWeeks(week, 1)) outcomes.push(await this.build(week, now));
    return outcomes;
  }

  /** Where each week stands now under the release rule. */
  private async completeness(db: EntityManager, now: Date): Promise<(weekStart: string) => WeekCompleteness> {
    const activeSince = new Date(now.getTime() - this.rule.activeAgencyWeeks * 7 * DAY_MS);
    const through = reportedThrough(await this.release.latestReports(db, activeSince), now, this.rule);
    return completenessOf(now, through, this.rule);
  }

  private async inputs(db: EntityManager, weekStart: string, completeness: (weekStart: string) => WeekCompleteness): Promise<BulletinInputs> {
    const lastYear = sameWeekLastYear(weekStart);
    const trendWeeks = Array.from({ length: 52 }, (_, i) => addWeeks(weekStart, i - 51));
    const national = await this.figures.incidence(db, [...trendWeeks.slice(0, -1), lastYear], 'national');
    const thisWeek = await this.figures.incidence(db, [weekStart], 'all');
    return {
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
      completeness,
      horizonWeek: await this.release.horizonWeek(db),
    };
  }
}

export type { BulletinContent };
