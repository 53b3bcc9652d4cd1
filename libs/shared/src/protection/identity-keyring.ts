import { randomBytes } from 'node:crypto';

/** AES-256 keys: 32 bytes. */
export const IDENTITY_KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The data keys that protect children's identities, by key id, and the one new ciphertexts use.
 * Old keys stay until nothing sealed with them remains (`npm run keys:rotate -- --retire`).
 *
 * Text form (a key file, or IDENTITY_KEYS): `{"active":"k1","keys":{"k1":"<base64 of 32 bytes>"}}`.
 */
export class IdentityKeyring {
  private constructor(
    readonly activeId: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
  ) {}

  static of(activeId: string, keys: ReadonlyMap<string, Buffer>): IdentityKeyring {
    for (const [id, key] of keys) {
      if (!KEY_ID.test(id)) throw new Error(`identity key id "${id.slice(0, 40)}" must be 1-32 letters, digits, _ or -`);
      if (key.length !== IDENTITY_KEY_BYTES) throw new Error(`identity key ${id} must be ${IDENTITY_KEY_BYTES} bytes (base64 of 32 random bytes)`);
    }
    if (!keys.has(activeId)) throw new Error(`the active identity key ${activeId} is not in the keyring`);
    return new IdentityKeyring(activeId, keys);
  }

  /** Parses the text form; messages never include key material. */
  static parse(text: string): IdentityKeyring {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error('the identity keyring is not JSON ({"active":"<id>","keys":{"<id>":"<base64>"}})');
    }
    const { active, keys } = (parsed ?? {}) as { active?: unknown; keys?: unknown };
    if (typeof active !== 'string' || typeof keys !== 'object' || keys === null) {
      throw new Error('the identity keyring needs "active" (a key id) and "keys" (key id to base64 key)');
    }
    const entries = Object.entries(keys as Record<string, unknown>).map(([id, value]) => {
      if (typeof value !== 'string') throw new Error(`identity key ${id} must be a base64 string`);
      return [id, Buffer.from(value, 'base64')] as const;
    });
    return IdentityKeyring.of(active, new Map(entries));
  }

  /** A keyring of one new random key (first start of a development machine, tests). */
  static generate(id = newKeyId()): IdentityKeyring {
    return IdentityKeyring.of(id, new Map([[id, randomBytes(IDENTITY_KEY_BYTES)]]));
  }

  get active(): { id: string; key: Buffer } {
    return { id: this.activeId, key: this.keys.get(this.activeId)! };
  }

  key(id: string): Buffer | undefined {
    return this.keys.get(id);
  }

  ids(): string[] {
    return [...this.keys.keys()];
  }

  /** This keyring with a new random key, made active. */
  withNewActiveKey(requested?: string): IdentityKeyring {
    if (requested !== undefined && this.keys.has(requested)) throw new Error(`identity key ${requested} already exists`);
    let id = requested ?? newKeyId();
    // Two rotations within a second: the id gets a suffix rather than failing.
    for (let n = 2; this.keys.has(id); n++) id = `${newKeyId()}-${n}`;
    return IdentityKeyring.of(id, new Map([...this.keys, [id, randomBytes(IDENTITY_KEY_BYTES)]]));
  }

  /** This keyring without the given (inactive) key. */
  without(id: string): IdentityKeyring {
    if (id === this.activeId) throw new Error(`identity key ${id} is the active key and cannot be retired`);
    return IdentityKeyring.of(this.activeId, new Map([...this.keys].filter(([k]) => k !== id)));
  }

  toText(): string {
    return `${JSON.stringify({ active: this.activeId, keys: Object.fromEntries([...this.keys].map(([id, key]) => [id, key.toString('base64')])) }, null, 2)}\n`;
  }
}

/** `k` and the UTC time to the second: sortable, unique enough for keys made by hand, short. */
export function newKeyId(now = new Date()): string {
  return `k${now
    .toISOString()
    .replace(/[-:TZ]/g, '')
    .slice(0, 14)}`;
}
