import { BatchAggregator } from '../../apps/aggregator/src/aggregation/batch-aggregator';
import { createBatchAggregator } from '../../apps/aggregator/src/aggregation/create-batch-aggregator';
import { dataSourceOptions, migrateDatabase } from '@mcm/persistence';
import { AgencyEvent } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { TestDatabase } from './database';

export interface IncidenceRow {
  weekCommencing: string;
  setting: string;
  la: string;
  children: number;
  episodesStarted: number;
  openAtWeekEnd: number;
}

/** The aggregator's core against a real, migrated PostgreSQL database, without Kafka. */
export class AggregatorHarness {
  readonly db = new TestDatabase();
  dataSource!: DataSource;
  aggregator!: BatchAggregator;

  async start(): Promise<this> {
    await this.db.create();
    await migrateDatabase(this.db.url);
    this.dataSource = await new DataSource(dataSourceOptions(this.db.url)).initialize();
    this.aggregator = createBatchAggregator(this.dataSource, 'test-link-key-secret-0123456789');
    return this;
  }

  async apply(events: AgencyEvent[], batchSize = 500): Promise<void> {
    for (let i = 0; i < events.length; i += batchSize) {
      await this.aggregator.apply(events.slice(i, i + batchSize).map((event, j) => ({ event, partition: 0, offset: String(i + j) })));
    }
  }

  async reset(): Promise<void> {
    await this.dataSource.query(
      `TRUNCATE agency_event, child_identity_observation, agency_child_profile, agency_child, child_link_key, national_child,
                child_link_change, agency_episode, national_episode, weekly_incidence, pipeline_state RESTART IDENTITY`,
    );
  }

  async incidence(): Promise<IncidenceRow[]> {
    const rows: { week_start: string; setting: string; la_code: string; children: number; episodes_started: number; open_at_week_end: number }[] =
      await this.dataSource.query(
        `SELECT week_start::text, setting, la_code, children, episodes_started, open_at_week_end FROM weekly_incidence ORDER BY 1, 2, 3`,
      );
    return rows.map((r) => ({ weekCommencing: r.week_start, setting: r.setting, la: r.la_code, children: r.children, episodesStarted: r.episodes_started, openAtWeekEnd: r.open_at_week_end }));
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.db.drop();
  }
}
