import 'reflect-metadata';
import { envValidator } from '@mcm/shared';
import { migrationDatabaseUrlFromEnv } from '../database-url';
import { migrateDatabaseWithPrivileges } from '../migrate';
import { MigrationEnv } from './migration.env';

// As the owner (MIGRATION_DATABASE_URL): the migrations, then the services' grants.
Promise.resolve()
  .then(() => {
    const env = envValidator(MigrationEnv)(process.env);
    return migrateDatabaseWithPrivileges(migrationDatabaseUrlFromEnv(env), { identityKeys: env });
  })
  .then(({ applied, privileges }) => {
    process.stdout.write(applied.length ? `applied migrations: ${applied.join(', ')}\n` : 'database is up to date\n');
    if (privileges.unlisted.length) {
      process.stderr.write(`no service may use ${privileges.unlisted.join(', ')}: add them to libs/persistence/src/access/table-privileges.ts\n`);
    }
  })
  .catch((error: Error) => {
    process.stderr.write(`migration failed: ${error.message}\n`);
    process.exit(1);
  });
