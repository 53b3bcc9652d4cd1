import { databaseUrlFromEnv } from '../database-url';
import { migrateDatabase } from '../migrate';

migrateDatabase(databaseUrlFromEnv())
  .then((applied) => {
    process.stdout.write(applied.length ? `applied migrations: ${applied.join(', ')}\n` : 'database is up to date\n');
  })
  .catch((error: Error) => {
    process.stderr.write(`migration failed: ${error.message}\n`);
    process.exit(1);
  });
