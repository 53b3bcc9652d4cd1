import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';

/**
 * One definition of the connection used by the apps, the migration CLI and the tests. No entities:
 * the schema is the hand-written migrations, and the repositories type their rows themselves
 * (docs/ARCHITECTURE.md, "Persistence").
 */
export function dataSourceOptions(databaseUrl: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: [join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // Never 'query' or 'error': TypeORM would log parameters, and parameters carry personal data.
    logging: ['migration'],
    extra: { max: 10, application_name: 'missing-children-monitor' },
    ...overrides,
  } as DataSourceOptions;
}
