import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DataSource, dataSourceOptions, defaultServiceDatabaseUrl, sealedRowsPerKey } from '@mcm/persistence';
import {
  DEFAULT_IDENTITY_KEYS_FILE,
  envValidator,
  IdentityCipher,
  identityCipherFor,
  IdentityKeyEnv,
  KeyringFile,
  readKeyringFile,
  writeKeyringFile,
} from '@mcm/shared';
import { resealAll } from './rotation';

const USAGE = `usage: npm run keys:rotate -- [--reseal-only] [--retire KEY_ID] [--page-size N]
  (default) adds a new identity key to the key file, makes it active, and re-seals every stored
            identity under it in pages while the pipeline runs
  --reseal-only  re-seals under the keyring's current active key (IDENTITY_KEYS set by the platform:
                 make the new key active there and restart the services first)
  --retire ID    removes an inactive key from the key file once no stored identity uses it`;

/** `npm run keys:rotate`: a new data key for children's identities, and everything re-sealed under it. */
async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { 'reseal-only': { type: 'boolean' }, retire: { type: 'string' }, 'page-size': { type: 'string' } },
  });
  const env = envValidator(IdentityKeyEnv)(process.env);
  const file = env.IDENTITY_KEYS ? undefined : resolve(env.IDENTITY_KEYS_FILE ?? DEFAULT_IDENTITY_KEYS_FILE);
  // Identities are the aggregator's: its role (its DATABASE_URL; default mcm_aggregator locally).
  const databaseUrl = env.DATABASE_URL || defaultServiceDatabaseUrl('aggregator');
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 2, application_name: 'mcm-keys-rotate' } })).initialize();
  try {
    if (values.retire) return await retire(dataSource, file, values.retire);
    let cipher: IdentityCipher;
    if (values['reseal-only'] || !file) {
      cipher = identityCipherFor(env);
    } else {
      const next = readKeyringFile(file).withNewActiveKey();
      writeKeyringFile(file, next);
      process.stdout.write(`new identity key ${next.activeId} is active in ${file}\n`);
      // Services look at the key file every 5 s: after this pause none seals with an older key.
      await new Promise((r) => setTimeout(r, SERVICES_RELOAD_MS));
      cipher = new IdentityCipher(new KeyringFile(file));
    }
    const outcome = await resealAll(dataSource, cipher, (line) => process.stdout.write(`${line}\n`), {
      pageSize: Number(values['page-size'] ?? 1000),
    });
    for (const r of await sealedRowsPerKey(dataSource)) process.stdout.write(`  ${r.table}: ${r.rows} rows under ${r.keyId}\n`);
    if (outcome.remaining > 0)
      process.stdout.write(`${outcome.remaining} rows are still under older keys (a service has not reloaded its keys?): run again\n`);
    process.stdout.write(`ROTATE active=${cipher.activeKeyId} resealed=${outcome.resealed} remaining=${outcome.remaining}\n`);
    if (outcome.remaining > 0) process.exitCode = 3;
  } finally {
    await dataSource.destroy();
  }
}

async function retire(dataSource: DataSource, file: string | undefined, keyId: string): Promise<void> {
  if (!file) throw new UsageError('--retire edits the key file; with IDENTITY_KEYS, remove the key where the platform keeps it');
  const keyring = readKeyringFile(file);
  const inUse = (await sealedRowsPerKey(dataSource)).filter((r) => r.keyId === keyId);
  if (inUse.length)
    throw new Error(
      `identity key ${keyId} still seals ${inUse.map((r) => `${r.rows} rows of ${r.table}`).join(' and ')}: run npm run keys:rotate first`,
    );
  writeKeyringFile(file, keyring.without(keyId));
  // Messages on the accepted topic sealed with it are unreadable from now on: retire a key only
  // after the accepted topic's retention has passed since the rotation.
  process.stdout.write(`identity key ${keyId} retired from ${file}\n`);
}

/** More than KeyringFile's check interval in the services. */
const SERVICES_RELOAD_MS = 6_000;

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n${error instanceof UsageError || error.name === 'TypeError' ? `${USAGE}\n` : ''}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
