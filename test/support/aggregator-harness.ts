import { BatchAggregator, createBatchAggregator } from '../../apps/aggregator/src';
import { Database, inRolledBackTransaction, migrateDatabase, openDatabase, WeeklyIncidenceRepository } from '@mcm/persistence';
import { AgencyEvent } from '@mcm/shared';
import { ScratchDatabase } from '../../tools/harness/src';
import { IncidenceRow, readIncidence } from './incidence';
import { TEST_SECRETS } from './test-secrets';

export { IncidenceRow };

const WHOLE_TABLE = `SELECT week_start::text, setting, area_code, children, episodes_started, episodes_ended, open_at_week_end,
  children_key, started_key, ended_key, open_key FROM weekly_incidence ORDER BY 1, 2, 3`;

/** The aggregator's core against a real, migrated PostgreSQL database, without Kafka. */
export class AggregatorHarness {
  readonly db = new ScratchDatabase();
  dataSource!: Database;
  aggregator!: BatchAggregator;

  async start(): Promise<this> {
    await this.db.create();
    await migrateDatabase(this.db.url);
    this.dataSource = await openDatabase(this.db.url);
    this.aggregator = createBatchAggregator(this.dataSource, TEST_SECRETS);
    return this;
  }

  async apply(events: AgencyEvent[], batchSize = 500): Promise<void> {
    for (let i = 0; i < events.length; i += batchSize) {
      await this.aggregator.apply(events.slice(i, i + batchSize).map((event, j) => ({ event, partition: 0, offset: String(i + j) })));
    }
    // As the aggregator's background refresher would.
    await this.aggregator.refreshBreakdowns();
  }

  async reset(): Promise<void> {
    await this.dataSource.query(
      `TRUNCATE agency_event, child_identity_observation, agency_child_profile, agency_child, child_link_key, national_child,
                child_link_change, agency_episode, national_episode, weekly_incidence, weekly_breakdown, breakdown_dirty_week, pipeline_state RESTART IDENTITY`,
    );
  }

  /** The whole weekly table as kept incrementally: every area level and measure. */
  wholeIncidence(): Promise<unknown[]> {
    return this.dataSource.query(WHOLE_TABLE);
  }

  /** The whole weekly table as \`rebuildAll\` computes it from the national episodes (rolled back). */
  rebuiltIncidence(): Promise<unknown[]> {
    return inRolledBackTransaction(this.dataSource, async (db) => {
      const incidence = new WeeklyIncidenceRepository();
      const horizon = await incidence.horizonWeek(db);
      if (horizon !== null) await incidence.rebuildAll(db, horizon);
      return db.query(WHOLE_TABLE);
    });
  }

  incidence(): Promise<IncidenceRow[]> {
    return readIncidence((sql, params) => this.dataSource.query(sql, params));
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.db.drop();
  }
}
