import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';

/** The connection a repository method runs its statements on: always the caller's transaction. */
export type Db = EntityManager;
/** The pool transactions are opened on (apps hold it without importing TypeORM). */
export type Database = DataSource;

/**
 * Serialises the writers of the pipeline's figures across aggregator instances (batches, review
 * decisions, the cell-key backfill, the linker's start-up choice, retention purges): the figures
 * are one shared state, so one transaction at a time changes them.
 */
const WRITER_LOCK = 'mcm.aggregator.writer';

/** Takes the aggregator's writer lock for the rest of this transaction (released at commit or rollback). */
export async function lockAggregatorWriter(db: Db): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [WRITER_LOCK]);
}

/** Runs `work` in one transaction that holds the aggregator's writer lock from its first statement. */
export function underWriterLock<T>(database: Database, work: (db: Db) => Promise<T>): Promise<T> {
  return database.transaction(async (db) => {
    await lockAggregatorWriter(db);
    return work(db);
  });
}

/** A pool on the database at `url` (the services get theirs from DatabaseModule; tools and tests from here). */
export function openDatabase(url: string): Promise<Database> {
  return new DataSource(dataSourceOptions(url)).initialize();
}

/** Runs `work` in a transaction that is always rolled back: to look at what a change would give. */
export async function inRolledBackTransaction<T>(database: Database, work: (db: Db) => Promise<T>): Promise<T> {
  const runner = database.createQueryRunner();
  await runner.startTransaction();
  try {
    return await work(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/**
 * Calls `observe` with each statement's text and duration, for every query of every connection
 * in this process (profiling only: the benchmark attributes time to statements). Returns the undo.
 */
export function observeQueries(observe: (sql: string, ms: number) => void): () => void {
  const query = EntityManager.prototype.query;
  EntityManager.prototype.query = async function (this: EntityManager, sql: string, params?: unknown[]) {
    const started = performance.now();
    try {
      return await query.call(this, sql, params);
    } finally {
      observe(sql, performance.now() - started);
    }
  } as typeof query;
  return () => (EntityManager.prototype.query = query);
}
