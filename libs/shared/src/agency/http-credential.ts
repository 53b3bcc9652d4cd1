import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'mcm_agency_';

/** A new bearer credential for an agency's HTTP access: 256 random bits, shown once, never stored. */
export function newHttpCredential(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What the register keeps instead of the credential. A plain SHA-256 is enough: the credential
 * has 256 bits of entropy, so there is nothing to guess from the hash (unlike a password).
 */
export function hashHttpCredential(credential: string): Buffer {
  return createHash('sha256').update(credential, 'utf8').digest();
}

/** Cheap shape check before any lookup. */
export function looksLikeHttpCredential(value: string): boolean {
  return value.startsWith(PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(PREFIX.length));
}
