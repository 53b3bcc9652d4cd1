import { agencyActivityCells, changedWeeks, episodesBeforeAndAfter, REVIEW_DECISION_REASON, revisionReason } from '@mcm/incidence';
import {
  AgencyActivityRepository,
  BatchContextRepository,
  BulletinRepository,
  Database,
  PersistenceError,
  underWriterLock,
  WeeklyBreakdownRepository,
  WeeklyIncidenceRepository,
} from '@mcm/persistence';
import { PositionedEvent } from './accepted-event';
import { Batch, newBatch } from './batch-state';
import { AgencyEpisodeRefold, uniqueRefs } from './agency-episode-refold';
import { backfillCellKeys } from './cell-key-backfill';
import { ChildRegisterRepository } from './child-register.repository';
import { EventStoreRepository } from './event-store.repository';
import { NationalEpisodeRebuild } from './national-episode-rebuild';
import { PlannerStatistics } from './planner-statistics';

export interface BatchResult {
  received: number;
  new: number;
  nationalChildrenTouched: number;
  cellsRecomputed: number;
  /** Milliseconds spent in each step (by step name, and `commit`), for the logs and the benchmark. */
  stepMs: Record<string, number>;
}

type Step = (b: Batch) => Promise<void | 'nothing new'>;
type StepName = keyof BatchAggregator['steps'];

/** A batch of accepted events, in this order, in one transaction (docs/ARCHITECTURE.md, "One aggregator batch"). */
const EVENT_BATCH: readonly StepName[] = [
  'store',
  'children',
  'profiles',
  'episodes',
  'link',
  'horizon',
  'national',
  'cells',
  'breakdowns',
  'activity',
];
/** Linkage review decisions set off what a changed link sets off. */
const REVIEW_DECISIONS: readonly StepName[] = ['link', 'horizon', 'national', 'cells', 'breakdowns'];

/**
 * Applies one batch of accepted events in one transaction under the writer lock: store the new
 * events (idempotent by eventId), refold the agency episodes and child profiles they touch,
 * relink children, rebuild the national episodes of every affected national child, and move
 * exactly the weekly cells that any of this changed. Replaying any events again changes nothing.
 */
export class BatchAggregator {
  /** When the last batch was applied (the breakdown refresher yields to a busy stream). */
  lastBatchAt = 0;
  private readonly planner: PlannerStatistics;
  private readonly refold: AgencyEpisodeRefold;
  private readonly context = new BatchContextRepository();
  private readonly activity = new AgencyActivityRepository();
  private readonly bulletins = new BulletinRepository();

  constructor(
    private readonly database: Database,
    private readonly events: EventStoreRepository,
    private readonly register: ChildRegisterRepository,
    private readonly national: NationalEpisodeRebuild,
    private readonly incidence: WeeklyIncidenceRepository,
    private readonly breakdowns: WeeklyBreakdownRepository,
  ) {
    this.planner = new PlannerStatistics(database);
    this.refold = new AgencyEpisodeRefold(register);
  }

  readonly steps = {
    store: async (b) => {
      b.fresh = await this.events.insertNew(b.db, b.events);
      return b.fresh.length === 0 ? 'nothing new' : undefined;
    },
    children: async (b) => {
      b.children = await this.register.resolve(
        b.db,
        uniqueRefs(b.fresh.map(({ event: e }) => ({ agencyCode: e.agency.code, ref: e.agencyChildRef }))),
      );
    },
    profiles: async (b) => void (b.keysChanged = await this.register.refreshProfiles(b.db, b.fresh, b.children)),
    episodes: async (b) => void (b.episodeChildren = await this.refold.refold(b.db, b.fresh, b.children)),
    link: async (b) => {
      const relinked = await this.register.relink(b.db, b.keysChanged);
      b.affected = new Set([...relinked, ...(await this.context.nationalChildrenOf(b.db, b.episodeChildren))]);
    },
    // The horizon moves first: the episodes about to be replaced are then counted up to it.
    horizon: async (b) => {
      const latestReport = b.fresh.length ? Math.max(...b.fresh.map((p) => Date.parse(p.event.reportedAt))) : null;
      b.horizon = latestReport === null ? await this.incidence.horizonWeek(b.db) : await this.incidence.advanceHorizon(b.db, latestReport, b.deltas);
    },
    national: async (b) => {
      b.changes = await this.national.rebuild(b.db, [...b.affected]);
      for (const e of b.changes.removed) b.deltas.addEpisode(e, b.horizon, -1);
      for (const e of b.changes.inserted) b.deltas.addEpisode(e, b.horizon, 1);
      for (const { before, after } of episodesBeforeAndAfter(b.changes)) b.deltas.addChildChange(before, after);
    },
    cells: async (b) => {
      const mergedOrSplit = await this.context.mergedOrSplitInThisTransaction(b.db);
      const reason = b.fresh.length
        ? revisionReason(
            b.fresh.map((p) => p.event.kind),
            mergedOrSplit,
          )
        : REVIEW_DECISION_REASON;
      b.cells = await this.incidence.apply(b.db, b.deltas, { publishedThrough: await this.bulletins.lastWeek(b.db), reason });
    },
    breakdowns: (b) => this.breakdowns.markDirty(b.db, changedWeeks(b.changes)),
    activity: (b) =>
      this.activity.add(
        b.db,
        agencyActivityCells(
          b.fresh.map(({ event: e }) => ({
            agencyCode: e.agency.code,
            agencyType: e.agency.type,
            occurredAt: Date.parse(e.occurredAt),
            reportedAt: Date.parse(e.reportedAt),
          })),
        ),
      ),
  } satisfies Record<string, Step>;

  async apply(events: PositionedEvent[]): Promise<BatchResult> {
    this.lastBatchAt = Date.now();
    const { batch, stepMs } = await this.run(EVENT_BATCH, events);
    this.planner.afterBatch(batch.fresh.length);
    return { received: events.length, new: batch.fresh.length, nationalChildrenTouched: batch.affected.size, cellsRecomputed: batch.cells, stepMs };
  }

  /** Applies linkage review decisions recorded since the last batch without waiting for new events (a no-op without any). */
  async applyPendingDecisions(): Promise<{ nationalChildrenTouched: number }> {
    const { batch } = await this.run(REVIEW_DECISIONS, []);
    return { nationalChildrenTouched: batch.affected.size };
  }

  /** Recomputes the breakdowns of weeks changed since (see WeeklyBreakdownRepository.markDirty). */
  refreshBreakdowns(): Promise<void> {
    return this.breakdowns.refreshAll(this.database).catch((error) => {
      throw PersistenceError.from(error);
    });
  }

  /** Keys for the figures stored before the cell-key method, once (see cell-key-backfill.ts). */
  backfillCellKeys(): Promise<boolean> {
    return backfillCellKeys(this.database, this.national, this.incidence, this.breakdowns);
  }

  /** Runs the steps in order in one transaction under the writer lock, each timed; commit is timed after. */
  private async run(steps: readonly StepName[], events: PositionedEvent[]): Promise<{ batch: Batch; stepMs: Record<string, number> }> {
    const stepMs: Record<string, number> = {};
    try {
      let committing = 0;
      const batch = await underWriterLock(this.database, async (db) => {
        const b = newBatch(db, events);
        for (const name of steps) {
          const started = performance.now();
          const outcome = await this.steps[name](b);
          stepMs[name] = Math.round(performance.now() - started);
          if (outcome === 'nothing new') break;
        }
        committing = performance.now();
        return b;
      });
      stepMs.commit = Math.round(performance.now() - committing);
      return { batch, stepMs };
    } catch (error) {
      throw PersistenceError.from(error);
    }
  }
}
