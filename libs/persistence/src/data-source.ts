import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { migrationDatabaseUrlFromEnv } from './database-url';

/** For the TypeORM CLI (`typeorm migration:generate -d dist/libs/persistence/src/data-source.js`), as the owner. */
export default new DataSource(dataSourceOptions(migrationDatabaseUrlFromEnv()));
