import {
  assembleBulletin,
  Bulletin,
  BulletinInputs,
  completenessOf,
  DEFAULT_RELEASE_RULE,
  nextEdition,
  publishedCells,
  ReleaseRule,
  ReleaseStatus,
  renderBulletinCsv,
  renderBulletinHtml,
  renderBulletinJson,
  reportedThrough,
  trendWeeks,
  WeekCompleteness,
} from '@mcm/bulletin';
import { KafkaPublisher } from '@mcm/kafka';
import {
  BulletinRepository,
  PublishedCellRepository,
  ReleaseStatusRepository,
  sameWeekLastYear,
  StatisticsFiguresRepository,
  WeeklyBreakdownRepository,
} from '@mcm/persistence';
import { addWeeks, referenceData, weekCommencing } from '@mcm/shared';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from '@mcm/persistence';

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

const DAY_MS = 86_400_000;

export class BulletinService {
  private readonly figures = new StatisticsFiguresRepository();
  private readonly release = new ReleaseStatusRepository();
  private readonly cells = new PublishedCellRepository();
  private readonly bulletins = new BulletinRepository();
  private readonly breakdowns = new WeeklyBreakdownRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: KafkaPublisher,
    private readonly settings: BulletinSettings,
  ) {}

  private get rule(): ReleaseRule {
    return this.settings.releaseRule ?? DEFAULT_RELEASE_RULE;
  }

  /**
   * Builds the bulletin of one week and, when `nextEdition` says it is new, stores and publishes it
   * in one step. One builder at a time across instances; the content hash makes a rebuild of equal
   * data a no-op.
   */
  async build(weekStart: string, now = new Date()): Promise<BuildOutcome> {
    // Breakdowns are recomputed behind the batches: bring them up to date before reading them.
    await this.breakdowns.refreshAll(this.dataSource);
    return this.dataSource.transaction(async (db) => {
      await this.bulletins.lockBuilder(db);
      const completeness = await this.completeness(db, now);
      const inputs = await this.inputs(db, weekStart, completeness);
      const content = assembleBulletin(inputs);
      const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
      const latest = await this.bulletins.latestEdition(db, weekStart);
      const edition = nextEdition(latest, contentHash, completeness(weekStart) === 'complete');
      if (!edition.publish) {
        return {
          week: content.week,
          weekStart,
          revision: latest!.revision,
          releaseStatus: latest!.releaseStatus,
          created: false,
          publishedAt: latest!.publishedAt,
        };
      }
      const { revision, releaseStatus } = edition;
      const bulletin: Bulletin = { ...content, revision, releaseStatus, publishedAt: now.toISOString() };
      const { data, meta } = renderBulletinCsv(bulletin);
      await this.bulletins.insert(db, {
        weekStart,
        revision,
        publishedAt: now,
        contentHash,
        releaseStatus,
        json: renderBulletinJson(bulletin),
        csv: data,
        metaCsv: meta,
        html: renderBulletinHtml(bulletin),
      });
      await this.cells.record(db, weekStart, publishedCells(inputs, content), now);
      // Published before the commit: a bulletin in the database has always reached the topic.
      const topic = this.settings.topic;
      const [ack] = await this.publisher.publishWithAck({ topic, key: `${bulletin.week}-r${revision}`, value: renderBulletinJson(bulletin) });
      return { week: bulletin.week, weekStart, revision, releaseStatus, created: true, publishedAt: now, topic: { name: topic, ...ack } };
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
    const lastPublished = await this.bulletins.lastWeek(this.dataSource);
    const horizon = await this.release.horizonWeek(this.dataSource.manager);
    const last = horizon !== null && horizon < lastEnded ? horizon : lastEnded;
    const outcomes: BuildOutcome[] = [];
    for (const week of await this.bulletins.provisionalWeeks(this.dataSource)) {
      const outcome = await this.build(week, now);
      if (outcome.created) outcomes.push(outcome);
    }
    if (horizon === null) return outcomes;
    let week = lastPublished ? addWeeks(lastPublished, 1) : (this.settings.firstWeek ?? lastEnded);
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
    const national = await this.figures.incidence(db, [...trendWeeks(weekStart).slice(0, -1), lastYear], 'national');
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
