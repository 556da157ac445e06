import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ephemeralSigningKey,
  isEd25519PublicKey,
  loadSigningKey,
  publicKeyFingerprint,
  signBytes,
  signingKeyFile,
  verifyBytes,
} from './signing-key';

describe('evidence signing key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'matthan-key-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is created on first use, readable by the server user only', () => {
    const key = loadSigningKey(dataDir);
    expect(statSync(signingKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('is the same key on the next start', () => {
    const first = loadSigningKey(dataDir);
    const other = mkdtempSync(join(tmpdir(), 'matthan-key-'));
    try {
      expect(loadSigningKey(other).fingerprint).not.toBe(first.fingerprint);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    expect(loadSigningKey(dataDir).fingerprint).toBe(first.fingerprint);
  });

  it('has a fingerprint that is the SHA-256 of the public key in DER (SPKI)', () => {
    const key = loadSigningKey(dataDir);
    const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(key.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(publicKeyFingerprint(key.publicKeyPem)).toBe(key.fingerprint);
  });

  it('signs bytes so that only those bytes and that key verify', () => {
    const key = loadSigningKey(dataDir);
    const bytes = Buffer.from('{"a":1}\n');
    const signature = signBytes(bytes, key);
    expect(verifyBytes(bytes, signature, key.publicKeyPem)).toBe(true);
    expect(verifyBytes(Buffer.from('{"a":2}\n'), signature, key.publicKeyPem)).toBe(false);
    expect(verifyBytes(bytes, signature, ephemeralSigningKey().publicKeyPem)).toBe(false);
    expect(verifyBytes(bytes, signature, 'not a key')).toBe(false);
  });

  it('tells an Ed25519 public key from anything else', () => {
    expect(isEd25519PublicKey(ephemeralSigningKey().publicKeyPem)).toBe(true);
    expect(isEd25519PublicKey('-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----\n')).toBe(
      false,
    );
  });
});
