import 'reflect-metadata';
import { envValidator } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { MigrationEnv } from './cli/migration.env';
import { dataSourceOptions } from './data-source-options';
import { migrationDatabaseUrlFromEnv } from './database-url';

/**
 * The TypeORM CLI's entry point (`typeorm migration:generate -d dist/libs/persistence/src/data-source.js`), as the owner.
 * `npm run migration:run` (cli/migrate.ts) is the way to apply migrations: it passes them their settings.
 */
export default new DataSource(dataSourceOptions(migrationDatabaseUrlFromEnv(envValidator(MigrationEnv)(process.env))));
