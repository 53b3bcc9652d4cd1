import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { databaseUrlFromEnv } from './database-url';

/** For the TypeORM CLI (`typeorm migration:generate -d dist/libs/persistence/src/data-source.js`). */
export default new DataSource(dataSourceOptions(databaseUrlFromEnv()));
