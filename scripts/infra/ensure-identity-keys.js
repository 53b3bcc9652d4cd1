// Makes the development identity keyring (.infra/keys/identity-keys.json, mode 600) on first
// start: one random AES-256 key. Production supplies its own (IDENTITY_KEYS or
// IDENTITY_KEYS_FILE); the format is the one IdentityKeyring reads (libs/shared/src/protection).
const { randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');

const root = resolve(__dirname, '..', '..');
const file = resolve(root, process.env.IDENTITY_KEYS_FILE || '.infra/keys/identity-keys.json');
if (process.env.IDENTITY_KEYS) {
  console.log('[infra] identity keys: from IDENTITY_KEYS');
} else if (existsSync(file)) {
  console.log(`[infra] identity keys: ${file}`);
} else {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const id = `k${new Date().toISOString().replace(/[-:TZ]/g, '').slice(0, 14)}`;
  const keyring = { active: id, keys: { [id]: randomBytes(32).toString('base64') } };
  // 'wx': two starts racing never write two different keys.
  try {
    writeFileSync(file, `${JSON.stringify(keyring, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    console.log(`[infra] identity keys: created ${file} (key ${id})`);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
}
