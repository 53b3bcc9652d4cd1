import { DataSource } from 'typeorm';

/** The migrations this build knows that the database has not applied (a service may not run them). */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const [present]: { exists: boolean }[] = await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS exists', [`public.${table}`]);
  const applied = new Set<string>(present.exists ? (await dataSource.query(`SELECT name FROM "${table}"`)).map((r: { name: string }) => r.name) : []);
  return dataSource.migrations
    .map((m) => m.name ?? m.constructor.name)
    .filter((name) => !applied.has(name))
    .sort();
}

export class SchemaNotCurrentError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `the database schema is not current: ${pending.length} migration(s) not applied (${pending.join(', ')}). ` +
        'Services do not migrate: run `npm run migration:run` (as the owner, MIGRATION_DATABASE_URL) first.',
    );
    this.name = 'SchemaNotCurrentError';
  }
}

/** Fails with a message saying what to run unless every migration of this build is applied. */
export async function assertSchemaCurrent(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length) throw new SchemaNotCurrentError(pending);
}
