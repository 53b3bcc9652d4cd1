import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IdentityKeyring } from './identity-keyring';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A ciphertext and the id of the key that made it (stored side by side). */
export interface Sealed {
  keyId: string;
  /** IV (12 bytes) || GCM tag (16 bytes) || ciphertext. */
  data: Buffer;
}

/** Where the current keyring comes from; `reload` re-reads it (a rotation may have added a key). */
export interface KeyringSource {
  current(): IdentityKeyring;
  /** Re-reads the source now; returns whether the keyring changed. */
  reload(): boolean;
}

/** Thrown when a ciphertext cannot be opened; never carries the plaintext or key material. */
export class SealError extends Error {}

/** The key a ciphertext names is not in the keyring: a configuration fault, never the data's. */
export class UnknownKeyError extends SealError {}

/**
 * AES-256-GCM sealing of identifying values. The associated data binds each ciphertext to where it
 * belongs (`child_identity_observation:<eventId>`, ...), so a ciphertext copied onto another row
 * or message does not open.
 */
export class IdentityCipher {
  /** Random IVs drawn in bulk: one call to the random source per 4,096 seals rather than each. */
  private ivs = Buffer.alloc(0);

  constructor(private readonly source: KeyringSource) {}

  static withKeyring(keyring: IdentityKeyring): IdentityCipher {
    return new IdentityCipher({ current: () => keyring, reload: () => false });
  }

  get activeKeyId(): string {
    return this.source.current().activeId;
  }

  seal(plaintext: Buffer, context: string): Sealed {
    const { id, key } = this.source.current().active;
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { keyId: id, data: Buffer.concat([iv, cipher.getAuthTag(), body]) };
  }

  open(sealed: Sealed, context: string): Buffer {
    const key = this.keyFor(sealed.keyId);
    if (sealed.data.length < IV_BYTES + TAG_BYTES) throw new SealError(`a ciphertext under key ${sealed.keyId} is truncated`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new SealError(`a ciphertext under key ${sealed.keyId} failed authentication (tampered, or sealed for another record)`);
    }
  }

  sealJson(value: unknown, context: string): Sealed {
    return this.seal(Buffer.from(JSON.stringify(value), 'utf8'), context);
  }

  openJson<T>(sealed: Sealed, context: string): T {
    return JSON.parse(this.open(sealed, context).toString('utf8')) as T;
  }

  private nextIv(): Buffer {
    if (this.ivs.length < IV_BYTES) this.ivs = randomBytes(IV_BYTES * 4096);
    const iv = this.ivs.subarray(0, IV_BYTES);
    this.ivs = this.ivs.subarray(IV_BYTES);
    return iv;
  }

  private keyFor(id: string): Buffer {
    const key = this.source.current().key(id) ?? (this.source.reload() ? this.source.current().key(id) : undefined);
    if (!key) throw new UnknownKeyError(`identity key ${id} is not in this service's keyring`);
    return key;
  }
}
