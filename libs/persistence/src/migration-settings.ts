import { IdentityKeySettings } from '@mcm/shared';

/** What a migration may need beyond the database: passed by whoever runs the migrations, from their validated config. */
export interface MigrationSettings {
  /** The services' identity keyring (SealedChildIdentity seals rows stored in clear). Default: the keyring file's default place. */
  identityKeys?: IdentityKeySettings & { NODE_ENV?: string };
}

let current: MigrationSettings = {};

/** The settings of the migration run in progress (TypeORM constructs migrations itself, without arguments). */
export function migrationSettings(): MigrationSettings {
  return current;
}

/** Runs `run` (a migration run) with `settings` visible to the migrations. */
export async function withMigrationSettings<T>(settings: MigrationSettings, run: () => Promise<T>): Promise<T> {
  const before = current;
  current = settings;
  try {
    return await run();
  } finally {
    current = before;
  }
}
