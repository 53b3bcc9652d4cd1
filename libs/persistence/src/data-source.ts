import 'reflect-metadata';
import { envValidator } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { MigrationEnv } from './cli/migration.env';
import { dataSourceOptions } from './data-source-options';
import { migrationDatabaseUrlFromEnv } from './database-url';

/**
 * The TypeORM CLI's entry point (`typeorm migration:create`, `migration:show -d dist/libs/persistence/src/data-source.js`),
 * as the owner. Migrations are written by hand (there are no entities to generate them from).
 * `npm run migration:run` (cli/migrate.ts) is the way to apply migrations: it passes them their settings.
 */
export default new DataSource(dataSourceOptions(migrationDatabaseUrlFromEnv(envValidator(MigrationEnv)(process.env))));
