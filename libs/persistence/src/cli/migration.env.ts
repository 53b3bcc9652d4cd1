import { IsOptional, IsString } from 'class-validator';
import { IdentityKeyEnv } from '@mcm/shared';

/** `npm run migration:run` and the TypeORM CLI: the owner's URL and the services' identity keyring. */
export class MigrationEnv extends IdentityKeyEnv {
  /** The owner's URL (runs migrations, owns the tables). Unset or empty: the local owner (migrationDatabaseUrlFromEnv). */
  @IsOptional()
  @IsString()
  MIGRATION_DATABASE_URL?: string;
}
