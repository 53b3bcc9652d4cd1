import { Logger } from '@nestjs/common';
import {
  Database,
  NationalEpisodeRepository,
  PipelineStateRepository,
  underWriterLock,
  WeeklyBreakdownRepository,
  WeeklyIncidenceRepository,
} from '@mcm/persistence';
import { NationalEpisodeRebuild } from './national-episode-rebuild';

/**
 * Figures stored before the cell-key method get their record keys and cell keys, once (the
 * CellKeys migration leaves the mark): keys on every national episode, then the weekly table
 * rebuilt and every breakdown week marked for recomputation. Under the writer lock.
 */
export async function backfillCellKeys(
  database: Database,
  rebuild: NationalEpisodeRebuild,
  incidence: WeeklyIncidenceRepository,
  breakdowns: WeeklyBreakdownRepository,
): Promise<boolean> {
  const state = new PipelineStateRepository();
  return underWriterLock(database, async (db) => {
    if (!(await state.cellKeysPending(db))) return false;
    for (let after: number | null = 0; after !== null;) after = await rebuild.keyStoredEpisodes(db, after, 5_000);
    const horizon = await incidence.horizonWeek(db);
    if (horizon) await incidence.rebuildAll(db, horizon);
    const weeks = await new NationalEpisodeRepository().startAndEndWeeks(db);
    await breakdowns.markDirty(db, weeks);
    await state.markCellKeysBackfilled(db);
    new Logger('BatchAggregator').log(
      `cell keys given to the figures stored before the cell-key method (${weeks.length} breakdown weeks to recompute)`,
    );
    return true;
  });
}
