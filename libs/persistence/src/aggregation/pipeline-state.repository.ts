import { Db } from './transaction';

/** `pipeline_state`'s one-off marks (the horizon is WeeklyIncidenceRepository's). */
export class PipelineStateRepository {
  /** Whether the figures stored before the cell-key method still need their keys (the CellKeys migration leaves the mark). */
  async cellKeysPending(db: Db): Promise<boolean> {
    const [mark]: { value: { backfilled: boolean } }[] = await db.query(`SELECT value FROM pipeline_state WHERE key = 'cell_keys'`);
    return mark !== undefined && !mark.value.backfilled;
  }

  async markCellKeysBackfilled(db: Db): Promise<void> {
    await db.query(`UPDATE pipeline_state SET value = '{"backfilled": true}'::jsonb WHERE key = 'cell_keys'`);
  }
}
