import { DataSource } from 'typeorm';
import { applyTablePrivileges, PrivilegeDrift } from './access/apply-privileges';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { MigrationSettings, withMigrationSettings } from './migration-settings';

export interface MigrationOutcome {
  applied: string[];
  privileges: PrivilegeDrift;
}

/**
 * As the owner: creates the database if needed, runs pending migrations, then makes every table's
 * grants exactly those of `TABLE_PRIVILEGES` (libs/persistence/src/access). The only path by which
 * the schema changes; services check it is current and never run this.
 */
export async function migrateDatabase(ownerUrl: string, settings: MigrationSettings = {}): Promise<string[]> {
  return (await migrateDatabaseWithPrivileges(ownerUrl, settings)).applied;
}

export async function migrateDatabaseWithPrivileges(ownerUrl: string, settings: MigrationSettings = {}): Promise<MigrationOutcome> {
  await ensureDatabase(ownerUrl);
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, { logging: false }));
  await dataSource.initialize();
  try {
    // One migrator at a time when several start together.
    await dataSource.query('SELECT pg_advisory_lock(hashtext($1))', ['mcm.migrations']);
    const applied = await withMigrationSettings(settings, () => dataSource.runMigrations({ transaction: 'each' }));
    const privileges = await dataSource.transaction((db) => applyTablePrivileges(db));
    return { applied: applied.map((m) => m.name), privileges };
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock(hashtext($1))', ['mcm.migrations']).catch(() => undefined);
    await dataSource.destroy();
  }
}
