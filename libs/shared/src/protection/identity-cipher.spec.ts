import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityCipher, UnknownKeyError } from './identity-cipher';
import { IdentityKeyring } from './identity-keyring';
import { KeyringFile, writeKeyringFile } from './keyring-source';

describe('IdentityCipher', () => {
  const keyring = IdentityKeyring.generate('k1');
  const cipher = IdentityCipher.withKeyring(keyring);
  const child = { givenName: 'AMELIE', nhsNumber: '9434765919', dateOfBirth: '2012-03-04' };

  it('seals with the active key and opens back; the ciphertext holds no value in clear and differs each time', () => {
    const a = cipher.sealJson(child, 'row:1');
    const b = cipher.sealJson(child, 'row:1');
    expect(a.keyId).toBe('k1');
    expect(a.data.equals(b.data)).toBe(false);
    for (const value of Object.values(child)) expect(a.data.includes(Buffer.from(value))).toBe(false);
    expect(cipher.openJson(a, 'row:1')).toEqual(child);
  });

  it('refuses a ciphertext moved to another row, altered by one bit, or truncated', () => {
    const sealed = cipher.sealJson(child, 'row:1');
    expect(() => cipher.openJson(sealed, 'row:2')).toThrow(/failed authentication/);
    const flipped = Buffer.from(sealed.data);
    flipped[flipped.length - 1] ^= 1;
    expect(() => cipher.open({ keyId: 'k1', data: flipped }, 'row:1')).toThrow(/failed authentication/);
    expect(() => cipher.open({ keyId: 'k1', data: sealed.data.subarray(0, 20) }, 'row:1')).toThrow(/truncated/);
  });

  it('opens old ciphertexts after a rotation and seals with the new key', () => {
    const old = cipher.sealJson(child, 'row:1');
    const rotated = IdentityCipher.withKeyring(keyring.withNewActiveKey('k2'));
    expect(rotated.openJson(old, 'row:1')).toEqual(child);
    expect(rotated.sealJson(child, 'row:1').keyId).toBe('k2');
    expect(() => IdentityCipher.withKeyring(IdentityKeyring.generate('k9')).open(old, 'row:1')).toThrow(UnknownKeyError);
  });

  it('parses the text form and says what is wrong without repeating key material', () => {
    expect(IdentityKeyring.parse(keyring.toText()).key('k1')?.equals(keyring.key('k1')!)).toBe(true);
    expect(() => IdentityKeyring.parse('{"active":"k1","keys":{"k1":"c2hvcnQ="}}')).toThrow(/must be 32 bytes/);
    expect(() => IdentityKeyring.parse('{"active":"k2","keys":{}}')).toThrow(/not in the keyring/);
    expect(() => IdentityKeyring.parse('not json')).toThrow(/not JSON/);
    expect(() => keyring.without('k1')).toThrow(/active key/);
  });

  it('a key file is written for its owner only and re-read when it changes (an unknown key id forces the re-read)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mcm-keys-')), 'keys.json');
    writeKeyringFile(path, keyring);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const source = new KeyringFile(path, 60_000);
    const reader = new IdentityCipher(source);
    const next = keyring.withNewActiveKey('k2');
    writeKeyringFile(path, next);
    const sealedByNewKey = IdentityCipher.withKeyring(next).sealJson(child, 'row:1');
    expect(reader.openJson(sealedByNewKey, 'row:1')).toEqual(child);
    expect(reader.activeKeyId).toBe('k2');
    expect(readFileSync(path, 'utf8')).toContain('"active": "k2"');
  });
});
