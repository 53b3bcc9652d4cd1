import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { IdentityCipher, KeyringSource } from './identity-cipher';
import { IdentityKeyring } from './identity-keyring';

/** Where a service's identity keys come from (IdentityKeyEnv). */
export interface IdentityKeySettings {
  /** The keyring's text itself (a secret injected by the platform). */
  IDENTITY_KEYS?: string;
  /** A file holding the keyring (mode 600). Default: .infra/keys/identity-keys.json. */
  IDENTITY_KEYS_FILE?: string;
}

export const DEFAULT_IDENTITY_KEYS_FILE = join('.infra', 'keys', 'identity-keys.json');

/** A fixed keyring (from the environment): rotating it means restarting with the new one. */
export function fixedKeyring(keyring: IdentityKeyring): KeyringSource {
  return { current: () => keyring, reload: () => false };
}

/**
 * A keyring file, re-read when it changes (checked at most every `checkEveryMs`), so a rotation
 * reaches running services without a restart: they open new ciphertexts at once (an unknown key
 * id forces a re-read) and seal with the new key within seconds.
 */
export class KeyringFile implements KeyringSource {
  private keyring: IdentityKeyring;
  private stamp: string;
  private checkedAt = Date.now();

  constructor(
    readonly path: string,
    private readonly checkEveryMs = 5_000,
  ) {
    this.keyring = readKeyringFile(path);
    this.stamp = stampOf(path);
  }

  current(): IdentityKeyring {
    if (Date.now() - this.checkedAt >= this.checkEveryMs) this.reloadIfChanged();
    return this.keyring;
  }

  reload(): boolean {
    const before = this.keyring;
    this.keyring = readKeyringFile(this.path);
    this.stamp = stampOf(this.path);
    this.checkedAt = Date.now();
    return before.toText() !== this.keyring.toText();
  }

  private reloadIfChanged(): void {
    this.checkedAt = Date.now();
    try {
      if (stampOf(this.path) !== this.stamp) this.reload();
    } catch {
      // A file being replaced: keep the keyring in hand and look again at the next check.
    }
  }
}

/** The keyring source the settings name: IDENTITY_KEYS, else the key file. */
export function keyringSource(settings: IdentityKeySettings, cwd = process.cwd()): KeyringSource {
  if (settings.IDENTITY_KEYS) return fixedKeyring(IdentityKeyring.parse(settings.IDENTITY_KEYS));
  return new KeyringFile(resolve(cwd, settings.IDENTITY_KEYS_FILE ?? DEFAULT_IDENTITY_KEYS_FILE));
}

export function readKeyringFile(path: string): IdentityKeyring {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `cannot read the identity keyring ${path} (npm run infra:up creates one on a development machine; production sets IDENTITY_KEYS or IDENTITY_KEYS_FILE)`,
    );
  }
  return IdentityKeyring.parse(text);
}

/** Replaces the key file in one rename, readable by its owner only. */
export function writeKeyringFile(path: string, keyring: IdentityKeyring): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, keyring.toText(), { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

function stampOf(path: string): string {
  const s = statSync(path);
  return `${s.mtimeMs}:${s.size}:${s.ino}`;
}

/**
 * The cipher a service seals and opens identities with. Production names its keys explicitly:
 * the development key file is never picked up by default there.
 */
export function identityCipherFor(settings: IdentityKeySettings & { NODE_ENV?: string }, cwd = process.cwd()): IdentityCipher {
  if (settings.NODE_ENV === 'production' && !settings.IDENTITY_KEYS && !settings.IDENTITY_KEYS_FILE) {
    throw new Error("production needs IDENTITY_KEYS or IDENTITY_KEYS_FILE: the key that protects children's identities");
  }
  return new IdentityCipher(keyringSource(settings, cwd));
}
