import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The server's evidence signing key: one Ed25519 pair per installation, so a package can be
// checked anywhere with the public key alone. The private half stays in the data folder.

export interface SigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** SHA-256 of the public key's DER (SPKI), hex: short enough to read out over the phone. */
  fingerprint: string;
}

export const signingKeyFile = (dataDir: string): string =>
  join(dataDir, 'keys', 'evidence-ed25519.pem');

export function publicKeyFingerprint(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function fromPrivateKey(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

const cache = new Map<string, SigningKey>();

/** The key under `<dataDir>/keys/`, created (mode 0600) on first use. */
export function loadSigningKey(dataDir: string): SigningKey {
  const file = signingKeyFile(dataDir);
  const known = cache.get(file);
  if (known) return known;
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // `wx`: two processes starting at once must not each write their own key.
    try {
      writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      pem = readFileSync(file, 'utf8');
    }
    chmodSync(file, 0o600);
  }
  const key = fromPrivateKey(createPrivateKey(pem));
  if (key.privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file} is not an Ed25519 private key`);
  }
  cache.set(file, key);
  return key;
}

/** A fresh key that is never stored: for tests and for showing what a foreign key looks like. */
export function ephemeralSigningKey(): SigningKey {
  return fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}

/** Base64 Ed25519 signature over exactly these bytes. */
export function signBytes(bytes: Buffer, key: SigningKey): string {
  return sign(null, bytes, key.privateKey).toString('base64');
}

/** True for a PEM that holds an Ed25519 public key (or a private one, whose public half is used). */
export function isEd25519PublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    // Not PEM, or not a key at all: the answer is simply no.
    return false;
  }
}

/** False for a wrong signature, and for a key or signature that cannot be read at all. */
export function verifyBytes(bytes: Buffer, signatureBase64: string, publicKeyPem: string): boolean {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicKeyPem);
  } catch {
    // A key that cannot be read verifies nothing.
    return false;
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') return false;
  return verify(null, bytes, publicKey, Buffer.from(signatureBase64.trim(), 'base64'));
}
