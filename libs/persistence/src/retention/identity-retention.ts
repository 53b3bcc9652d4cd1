import { DataSource } from 'typeorm';
import { lockAggregatorWriter } from '../aggregation/transaction';
import { PersistenceError } from '../safe-error';
import { IdentityRetentionRepository, PurgeCounts } from './identity-retention.repository';

export interface RetentionProgress {
  /** National child ids examined so far, of `of`. */
  scanned: number;
  of: number;
  childrenPurged: number;
}

export interface RetentionRunOptions {
  /** Identifying data of children dormant since before this instant goes. */
  cutoff: Date;
  /** Count what would go; change nothing. */
  dryRun?: boolean;
  /** National child ids per batch (one short transaction each). */
  batchSize?: number;
  onProgress?: (progress: RetentionProgress) => void;
}

export interface RetentionOutcome {
  /** Agency children whose identifying data was deleted (or, in a dry run, would be). */
  childrenPurged: number;
  nationalChildren: number;
  /** Rows deleted or rewritten (zero in a dry run). */
  rows: PurgeCounts;
}

/**
 * Deletes the identifying data of children whose last episode closed before the cutoff. A whole
 * national child at a time: its agency children go together or not at all, because the linker and
 * the national episodes of a national child read every member's profile, and a partial purge would
 * re-band (or split off) the history of the members that stayed. Batches over national child ids;
 * each batch asks again under the aggregator's writer lock before it deletes. Idempotent.
 */
export class IdentityRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository = new IdentityRetentionRepository(),
  ) {}

  async run({ cutoff, dryRun = false, batchSize = 2000, onProgress }: RetentionRunOptions): Promise<RetentionOutcome> {
    try {
      const rows: PurgeCounts = { observations: 0, profiles: 0, linkKeys: 0, reviews: 0, episodes: 0, events: 0 };
      const nationals = new Set<number>();
      let childrenPurged = 0;
      const max = await this.repository.maxNationalChildId(this.dataSource);
      for (let from = 1; from <= max; from += batchSize) {
        const to = Math.min(from + batchSize, max + 1);
        const found = await this.repository.dormantInRange(this.dataSource, from, to, cutoff);
        if (found.length > 0 && dryRun) {
          childrenPurged += found.length;
          found.forEach((c) => nationals.add(c.nationalChildId));
        } else if (found.length > 0) {
          await this.dataSource.transaction(async (db) => {
            // The aggregator's writer lock: a purge and a batch never interleave, so a child that an
            // arriving event makes active again is seen as such when the purge re-checks.
            await lockAggregatorWriter(db);
            const confirmed = await this.repository.dormantAmong(db, [...new Set(found.map((c) => c.nationalChildId))], cutoff);
            const counts = await this.repository.purge(
              db,
              confirmed.map((c) => c.agencyChildId),
            );
            for (const key of Object.keys(rows) as (keyof PurgeCounts)[]) rows[key] += counts[key];
            childrenPurged += confirmed.length;
            confirmed.forEach((c) => nationals.add(c.nationalChildId));
          });
        }
        onProgress?.({ scanned: to - 1, of: max, childrenPurged });
      }
      return { childrenPurged, nationalChildren: nationals.size, rows };
    } catch (error) {
      throw PersistenceError.from(error);
    }
  }
}
