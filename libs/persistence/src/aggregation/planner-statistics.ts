import { Database } from './transaction';

/**
 * Refreshes the planner's statistics of the tables the aggregator's set-based steps join on (the
 * event tables are only looked up by key). ANALYZE needs the owner: its function (migration
 * AnalyzePipelineTables) runs with the owner's rights. Its own connection; it takes no lock
 * that writes wait for.
 */
export async function analyzePipelineTables(database: Database): Promise<void> {
  await database.query('SELECT analyze_pipeline_tables()');
}
