import { AgencyEpisode, EpisodeEvent, foldAgencyEpisode, IncidenceDeltas } from '@mcm/incidence';
import { Logger } from '@nestjs/common';
import { PersistenceError } from '@mcm/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { episodeEventOf, PositionedEvent, toEpisodeEvent } from './accepted-event';
import { ChildRegisterRepository, refKey } from './child-register.repository';
import { AgencyRef, EventStoreRepository } from './event-store.repository';
import { NationalEpisodeRepository, StoredNationalEpisode } from './national-episode.repository';
import { WeeklyIncidenceRepository } from './weekly-incidence.repository';
import { WeeklyBreakdownRepository } from './weekly-breakdown.repository';
import { AgencyActivityRepository } from './agency-activity.repository';

export interface BatchResult {
  received: number;
  new: number;
  nationalChildrenTouched: number;
  cellsRecomputed: number;
  /** Milliseconds spent in each step, for the logs and the benchmark. */
  stepMs: Record<string, number>;
}

/** Serialises batch transactions across aggregator instances: the figures are one shared state. */
const WRITER_LOCK = 'mcm.aggregator.writer';

/**
 * Applies one batch of accepted events in one transaction: store the new events (idempotent by
 * eventId), refold the agency episodes and child profiles they touch, relink children, rebuild
 * the national episodes of every affected national child, and recompute exactly the weekly cells
 * that any of this changed. Replaying any events again changes nothing.
 */
export class BatchAggregator {
  private readonly log = new Logger(BatchAggregator.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStoreRepository,
    private readonly register: ChildRegisterRepository,
    private readonly nationalEpisodes: NationalEpisodeRepository,
    private readonly incidence: WeeklyIncidenceRepository,
    private readonly breakdowns: WeeklyBreakdownRepository,
    private readonly activity: AgencyActivityRepository,
  ) {}

  /**
   * Figures stored before the cell-key method get their record keys and cell keys, once (the
   * CellKeys migration leaves the mark): keys on every national episode, then the weekly table
   * rebuilt and every breakdown week marked for recomputation. Under the writer lock.
   */
  async backfillCellKeys(): Promise<boolean> {
    return this.dataSource.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [WRITER_LOCK]);
      const [mark]: { value: { backfilled: boolean } }[] = await db.query(`SELECT value FROM pipeline_state WHERE key = 'cell_keys'`);
      if (!mark || mark.value.backfilled) return false;
      for (let after: number | null = 0; after !== null;) after = await this.nationalEpisodes.keyStoredEpisodes(db, after, 5_000);
      const horizon = await this.incidence.horizonWeek(db);
      if (horizon) await this.incidence.rebuildAll(db, horizon);
      const weeks: { week: string }[] = await db.query(
        'SELECT DISTINCT start_week::text AS week FROM national_episode UNION SELECT DISTINCT end_week::text FROM national_episode WHERE end_week IS NOT NULL',
      );
      await this.breakdowns.markDirty(db, weeks.map((w) => w.week));
      await db.query(`UPDATE pipeline_state SET value = '{"backfilled": true}'::jsonb WHERE key = 'cell_keys'`);
      this.log.log(`cell keys given to the figures stored before the cell-key method (${weeks.length} breakdown weeks to recompute)`);
      return true;
    });
  }

  /** When the last batch was applied (the breakdown refresher yields to a busy stream). */
  lastBatchAt = 0;

  async apply(batch: PositionedEvent[]): Promise<BatchResult> {
    this.lastBatchAt = Date.now();
    try {
      let applied = 0;
      const result = await this.dataSource.transaction(async (db) => {
        const inTransaction = await this.applyIn(db, batch);
        applied = performance.now();
        return inTransaction;
      });
      result.stepMs.commit = Math.round(performance.now() - applied);
      this.refreshStatistics(result.new);
      return result;
    } catch (error) {
      throw PersistenceError.from(error);
    }
  }

  private eventsSinceAnalyze = 0;
  private eventsAtAnalyze = 0;
  private analyzing?: Promise<void>;

  /**
   * Keeps the planner's statistics current while tables grow fast (a new deployment or a replay):
   * with stale ones the set-based recomputations get nested-loop plans that cost seconds. ANALYZE
   * samples, so it stays cheap; it runs once the tables may have grown by half, on its own
   * connection beside the next batch (it takes no lock that writes wait for).
   */
  private refreshStatistics(newEvents: number): void {
    this.eventsSinceAnalyze += newEvents;
    if (this.analyzing || this.eventsSinceAnalyze < Math.max(10_000, this.eventsAtAnalyze / 2)) return;
    this.eventsAtAnalyze += this.eventsSinceAnalyze;
    this.eventsSinceAnalyze = 0;
    this.analyzing = this.dataSource
      // The tables the set-based steps join on; the event tables are only looked up by key. ANALYZE
      // needs the owner: its function (migration AnalyzePipelineTables) runs with the owner's rights.
      .query('SELECT analyze_pipeline_tables()')
      .then(
        () => undefined,
        (error: Error) => this.log.warn(`ANALYZE failed (the next one will run later): ${PersistenceError.from(error).message}`),
      )
      .finally(() => (this.analyzing = undefined));
  }

  private async applyIn(db: EntityManager, batch: PositionedEvent[]): Promise<BatchResult> {
    const stepMs: Record<string, number> = {};
    const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        stepMs[step] = Math.round(performance.now() - started);
      }
    };
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [WRITER_LOCK]);
    const fresh = await timed('store', () => this.events.insertNew(db, batch));
    if (fresh.length === 0) return { received: batch.length, new: 0, nationalChildrenTouched: 0, cellsRecomputed: 0, stepMs };

    const childRefs = uniqueRefs(fresh.map(({ event: e }) => ({ agencyCode: e.agency.code, ref: e.agencyChildRef })));

    const children = await timed('children', () => this.register.resolve(db, childRefs));
    const keysChanged = await timed('profiles', () => this.register.refreshProfiles(db, fresh, children));
    const episodeChildren = await timed('episodes', () => this.refoldEpisodes(db, fresh, children));

    const latestReport = Math.max(...fresh.map((p) => Date.parse(p.event.reportedAt)));
    const { affected, cells } = await this.propagate(db, keysChanged, episodeChildren, latestReport, timed, (merged) => revisionReason(fresh, merged));
    await timed('activity', () => this.activity.record(db, fresh));
    return { received: batch.length, new: fresh.length, nationalChildrenTouched: affected.size, cellsRecomputed: cells, stepMs };
  }

  /** Recomputes the breakdowns of weeks changed since (see WeeklyBreakdownRepository.markDirty). */
  refreshBreakdowns(): Promise<void> {
    return this.breakdowns.refreshAll(this.dataSource).catch((error) => {
      throw PersistenceError.from(error);
    });
  }

  /**
   * Applies linkage review decisions recorded since the last batch without waiting for new events
   * (the probabilistic linker's queue; a no-op otherwise).
   */
  async applyPendingDecisions(): Promise<{ nationalChildrenTouched: number }> {
    try {
      return await this.dataSource.transaction(async (db) => {
        await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [WRITER_LOCK]);
        const { affected } = await this.propagate(db, [], [], null, (_work, run) => run(), () => 'linkage review decision');
        return { nationalChildrenTouched: affected.size };
      });
    } catch (error) {
      throw PersistenceError.from(error);
    }
  }

  /** Relink, rebuild national episodes, move the weekly figures, mark breakdowns: what any change sets off. */
  private async propagate(
    db: EntityManager, keysChanged: number[], episodeChildren: number[], latestReport: number | null,
    timed: <T>(step: string, work: () => Promise<T>) => Promise<T>, reasonFor: (mergedOrSplit: boolean) => string,
  ): Promise<{ affected: Set<number>; cells: number }> {
    const relinked = await timed('link', () => this.register.relink(db, keysChanged));
    const affected = await this.nationalChildrenOf(db, episodeChildren, relinked);
    const deltas = new IncidenceDeltas();
    // The horizon moves first: the episodes about to be replaced are then counted up to it.
    const horizon = latestReport === null
      ? await this.incidence.horizonWeek(db)
      : await timed('horizon', () => this.incidence.advanceHorizon(db, latestReport, deltas));
    const { removed, inserted, kept } = await timed('national', () => this.nationalEpisodes.rebuild(db, [...affected]));
    for (const e of removed) deltas.addEpisode(e, horizon, -1);
    for (const e of inserted) deltas.addEpisode(e, horizon, 1);
    for (const { before, after } of byChild(removed, inserted, kept)) deltas.addChildChange(before, after);
    const revision = { publishedThrough: await this.publishedThrough(db), reason: reasonFor(await this.mergedOrSplit(db)) };
    const cells = await timed('cells', () => this.incidence.apply(db, deltas, revision));
    const changed = [...removed, ...inserted];
    const breakdownWeeks = [...new Set(changed.flatMap((e) => (e.endWeek ? [e.startWeek, e.endWeek] : [e.startWeek])))];
    await timed('breakdowns', () => this.breakdowns.markDirty(db, breakdownWeeks));
    return { affected, cells };
  }

  /**
   * Refolds the touched agency episodes from their events: this batch's, in memory, and those
   * stored before for episodes that already existed. Returns the agency child ids whose counted
   * episodes changed.
   */
  private async refoldEpisodes(db: EntityManager, fresh: PositionedEvent[], children: Map<string, { id: number }>): Promise<number[]> {
    const refs = uniqueRefs(fresh.map(({ event: e }) => ({ agencyCode: e.agency.code, ref: e.agencyEpisodeRef })));
    const previous: { agency_code: string; agency_episode_ref: string; agency_child_id: string }[] = await db.query(
      `SELECT e.agency_code, e.agency_episode_ref, e.agency_child_id FROM agency_episode e JOIN unnest($1::text[], $2::text[]) AS t(code, ref)
          ON e.agency_code = t.code AND e.agency_episode_ref = t.ref`,
      [refs.map((r) => r.agencyCode), refs.map((r) => r.ref)],
    );
    // Every stored event's episode has a row (it was folded in the event's own transaction).
    const storedEvents = previous.length === 0 ? [] : await this.events.eventsOfEpisodes(db, previous.map((p) => ({ agencyCode: p.agency_code, ref: p.agency_episode_ref })));
    const freshIds = new Set(fresh.map((p) => p.event.eventId));
    const byEpisode = new Map<string, EpisodeEvent[]>();
    const collect = (e: EpisodeEvent) => {
      const key = refKey(e.agencyCode, e.agencyEpisodeRef);
      (byEpisode.get(key) ?? byEpisode.set(key, []).get(key)!).push(e);
    };
    fresh.forEach((p) => collect(episodeEventOf(p.event)));
    storedEvents.filter((row) => !freshIds.has(row.event_id)).forEach((row) => collect(toEpisodeEvent(row)));
    const folded = [...byEpisode.values()].map(foldAgencyEpisode);
    const missing = uniqueRefs(folded.map((e) => ({ agencyCode: e.agencyCode, ref: e.agencyChildRef })).filter((r) => !children.has(refKey(r.agencyCode, r.ref))));
    const allChildren = missing.length ? new Map([...children, ...(await this.register.resolve(db, missing))]) : children;
    const childIdOf = (e: AgencyEpisode) => allChildren.get(refKey(e.agencyCode, e.agencyChildRef))!.id;

    await db.query(
      `INSERT INTO agency_episode AS e (agency_code, agency_episode_ref, agency_child_id, setting, care_missing_type, risk_grade,
                                        started_at, ended_at, return_interview_offered, status, return_interview_within_72h, la_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[],
                            $9::boolean[], $10::text[], $11::boolean[], $12::text[])
       ORDER BY 1, 2
       ON CONFLICT (agency_code, agency_episode_ref) DO UPDATE SET
         agency_child_id = excluded.agency_child_id, setting = excluded.setting, care_missing_type = excluded.care_missing_type,
         risk_grade = excluded.risk_grade, started_at = excluded.started_at, ended_at = excluded.ended_at,
         return_interview_offered = excluded.return_interview_offered, status = excluded.status,
         return_interview_within_72h = excluded.return_interview_within_72h, la_code = excluded.la_code`,
      [
        folded.map((e) => e.agencyCode), folded.map((e) => e.agencyEpisodeRef), folded.map(childIdOf), folded.map((e) => e.setting),
        folded.map((e) => e.careMissingType), folded.map((e) => e.riskGrade),
        folded.map((e) => iso(e.startedAt)), folded.map((e) => iso(e.endedAt)),
        folded.map((e) => e.returnInterviewOffered), folded.map((e) => e.status), folded.map((e) => e.returnInterviewWithin72h),
        folded.map((e) => e.laCode),
      ],
    );
    return [...new Set([...folded.map(childIdOf), ...previous.map((p) => Number(p.agency_child_id))])];
  }

  /** Whether this transaction merged or split national children (changes are stamped with now()). */
  private async mergedOrSplit(db: EntityManager): Promise<boolean> {
    const [row]: { changed: boolean }[] = await db.query('SELECT EXISTS (SELECT 1 FROM child_link_change WHERE changed_at = now()) AS changed');
    return row.changed;
  }

  private async publishedThrough(db: EntityManager): Promise<string | null> {
    const [row]: { week: string | null }[] = await db.query('SELECT max(week_start)::text AS week FROM bulletin');
    return row.week;
  }

  private async nationalChildrenOf(db: EntityManager, agencyChildIds: number[], relinked: Set<number>): Promise<Set<number>> {
    const rows: { national_child_id: string }[] = await db.query(
      'SELECT DISTINCT national_child_id FROM agency_child WHERE id = ANY($1::bigint[]) AND national_child_id IS NOT NULL',
      [agencyChildIds],
    );
    return new Set([...relinked, ...rows.map((r) => Number(r.national_child_id))]);
  }
}

/** Why a batch changed figures already published (the bulletin states it beside each revision). */
function revisionReason(fresh: PositionedEvent[], mergedOrSplit: boolean): string {
  if (mergedOrSplit) return 'linkage merge or split';
  const kinds = new Set(fresh.map((p) => p.event.kind));
  if (kinds.has('REPORT_WITHDRAWN')) return 'withdrawal';
  if (kinds.has('EPISODE_CORRECTED')) return 'correction';
  return 'late event';
}

/**
 * Each changed national child's episodes before and after the rebuild, as far as distinct
 * children can change: the kept episodes that start in a week where one was removed or inserted.
 */
function byChild(removed: StoredNationalEpisode[], inserted: StoredNationalEpisode[], kept: StoredNationalEpisode[]) {
  const children = new Map<number, { weeks: Set<string>; before: StoredNationalEpisode[]; after: StoredNationalEpisode[] }>();
  const of = (e: StoredNationalEpisode) => {
    const child = children.get(e.nationalChildId) ?? children.set(e.nationalChildId, { weeks: new Set(), before: [], after: [] }).get(e.nationalChildId)!;
    child.weeks.add(e.startWeek);
    return child;
  };
  for (const e of removed) of(e).before.push(e);
  for (const e of inserted) of(e).after.push(e);
  for (const e of kept) {
    const child = children.get(e.nationalChildId);
    if (child?.weeks.has(e.startWeek)) {
      child.before.push(e);
      child.after.push(e);
    }
  }
  return children.values();
}

function uniqueRefs(refs: AgencyRef[]): AgencyRef[] {
  return [...new Map(refs.map((r) => [refKey(r.agencyCode, r.ref), r])).values()];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
