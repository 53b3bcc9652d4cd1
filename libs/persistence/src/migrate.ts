import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';

/** Creates the database if needed and runs pending migrations; returns the names applied. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { logging: false }));
  await dataSource.initialize();
  try {
    // One migrator at a time when several services start together.
    await dataSource.query('SELECT pg_advisory_lock(hashtext($1))', ['mcm.migrations']);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock(hashtext($1))', ['mcm.migrations']).catch(() => undefined);
    await dataSource.destroy();
  }
}
