import { verifyCustody } from '../custody-chain';
import {
  manifestName,
  publicKeyName,
  signatureName,
  type Manifest,
  type ManifestItem,
} from './manifest';
import { custodyRow } from './manifest-build';
import { parseManifest } from './manifest-parse';
import { isEd25519PublicKey, publicKeyFingerprint, verifyBytes } from './signing-key';
import { readZip, UnreadablePackageError, type ReadZip } from './zip-reader';

export { UnreadablePackageError } from './zip-reader';

// Checks a package with nothing but the ZIP (and, best, a public key obtained separately): the
// signature over the manifest, every listed file's hash and size, every custody chain, and that
// the ZIP holds nothing the manifest does not list. No database: it runs anywhere.

export interface VerifyLine {
  ok: boolean;
  /** The entry the line is about. */
  file: string;
  check: 'signature' | 'manifest' | 'sha256' | 'custody' | 'listed' | 'entry';
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  packageId: string | null;
  caseNumber: string | null;
  /** Fingerprint of the key that signed the manifest (the trusted key's when one was given). */
  fingerprint: string | null;
  lines: VerifyLine[];
}

const controlFiles = new Set([manifestName, signatureName, publicKeyName]);

function signatureLine(zip: ReadZip, trustedKeyPem: string | undefined): VerifyLine {
  const line = (ok: boolean, message: string): VerifyLine => ({
    ok,
    file: manifestName,
    check: 'signature',
    message,
  });
  const manifest = zip.kept.get(manifestName);
  const signature = zip.kept.get(signatureName);
  const packageKey = zip.kept.get(publicKeyName)?.toString('utf8');
  if (!manifest) return line(false, 'signature not checked: manifest.json is missing');
  if (!signature) return line(false, 'signature missing: manifest.sig is not in the package');
  let packageFingerprint: string | null;
  try {
    packageFingerprint = packageKey ? publicKeyFingerprint(packageKey) : null;
  } catch (error) {
    return line(false, `public-key.pem cannot be read: ${(error as Error).message}`);
  }
  if (trustedKeyPem !== undefined) {
    const trusted = publicKeyFingerprint(trustedKeyPem);
    if (packageFingerprint !== null && packageFingerprint !== trusted) {
      return line(
        false,
        `signed by a different key (fingerprint ${packageFingerprint}), not the trusted key ` +
          `(fingerprint ${trusted})`,
      );
    }
    return verifyBytes(manifest, signature.toString('utf8'), trustedKeyPem)
      ? line(true, `signature Ed25519 valid, trusted key fingerprint ${trusted}`)
      : line(
          false,
          `signature does not match manifest.json (trusted key fingerprint ${trusted}): the manifest was changed after signing`,
        );
  }
  if (!packageKey || packageFingerprint === null) {
    return line(false, 'no key to check the signature with: public-key.pem is missing');
  }
  return verifyBytes(manifest, signature.toString('utf8'), packageKey)
    ? line(
        true,
        `signature Ed25519 valid, key fingerprint ${packageFingerprint} (the key inside the ` +
          'package; pass --key to check it against a trusted key)',
      )
    : line(false, 'signature does not match manifest.json: the manifest was changed after signing');
}

function fileLine(
  zip: ReadZip,
  listed: { file: string; sha256: string; bytes: number },
): VerifyLine {
  const found = zip.entries.get(listed.file);
  const line = (ok: boolean, message: string): VerifyLine => ({
    ok,
    file: listed.file,
    check: found ? 'sha256' : 'listed',
    message,
  });
  if (!found) return line(false, 'missing from the package');
  if (found.sha256 !== listed.sha256) {
    return line(false, `sha256 mismatch: expected ${listed.sha256} got ${found.sha256}`);
  }
  if (found.bytes !== listed.bytes) {
    return line(false, `size mismatch: expected ${listed.bytes} bytes got ${found.bytes}`);
  }
  return line(true, `sha256 ${found.sha256}`);
}

function exportedInto(event: ManifestItem['custody'][number], packageId: string): boolean {
  if (event.action !== 'exported' || event.details === null) return false;
  try {
    return (JSON.parse(event.details) as { packageId?: unknown }).packageId === packageId;
  } catch {
    // Details that are not JSON cannot name this package; the chain's hash already covers them.
    return false;
  }
}

function custodyLine(item: ManifestItem, packageId: string): VerifyLine {
  const line = (ok: boolean, message: string): VerifyLine => ({
    ok,
    file: item.file,
    check: 'custody',
    message,
  });
  if (item.custody.some((event) => event.itemId !== item.id)) {
    return line(false, 'custody chain holds events of another item');
  }
  const verdict = verifyCustody(item.custody.map(custodyRow));
  if (!verdict.ok) return line(false, `custody chain broken: ${verdict.problem}`);
  if (!item.custody.some((event) => exportedInto(event, packageId)))
    return line(false, 'custody chain does not record the export into this package');
  return line(true, `custody chain intact, ${verdict.events} events`);
}

function manifestLines(zip: ReadZip, manifest: Manifest, signer: string | null): VerifyLine[] {
  const lines: VerifyLine[] = [];
  if (signer !== null && manifest.signing.publicKeyFingerprint !== signer) {
    lines.push({
      ok: false,
      file: manifestName,
      check: 'manifest',
      message: `names signing key ${manifest.signing.publicKeyFingerprint} but public-key.pem is ${signer}`,
    });
  }
  const listed = new Set<string>(controlFiles);
  for (const entry of [...manifest.items, ...manifest.documents]) {
    if (listed.has(entry.file)) {
      lines.push({ ok: false, file: entry.file, check: 'manifest', message: 'listed twice' });
    }
    listed.add(entry.file);
  }
  for (const item of manifest.items) {
    lines.push(fileLine(zip, item), custodyLine(item, manifest.packageId));
  }
  for (const document of manifest.documents) lines.push(fileLine(zip, document));
  for (const name of zip.entries.keys()) {
    if (!listed.has(name)) {
      lines.push({ ok: false, file: name, check: 'listed', message: 'not listed in the manifest' });
    }
  }
  return lines;
}

/** Throws `UnreadablePackageError` when the file is missing or not a ZIP; otherwise reports. */
export async function verifyPackage(
  zipPath: string,
  opts: { trustedKeyPem?: string } = {},
): Promise<VerifyReport> {
  if (opts.trustedKeyPem !== undefined && !isEd25519PublicKey(opts.trustedKeyPem)) {
    throw new UnreadablePackageError('the trusted key is not an Ed25519 public key in PEM form');
  }
  const zip = await readZip(zipPath, controlFiles);
  const lines: VerifyLine[] = zip.problems.map((problem) => ({
    ok: false,
    file: problem.name,
    check: 'entry',
    message: problem.message,
  }));
  const signature = signatureLine(zip, opts.trustedKeyPem);
  lines.push(signature);
  const packageKey = zip.kept.get(publicKeyName)?.toString('utf8');
  const signer = signature.ok
    ? opts.trustedKeyPem
      ? publicKeyFingerprint(opts.trustedKeyPem)
      : packageKey
        ? publicKeyFingerprint(packageKey)
        : null
    : null;
  const bytes = zip.kept.get(manifestName);
  const manifest = bytes ? parseManifest(bytes) : { problem: 'is missing from the package' };
  if ('problem' in manifest) {
    lines.push({ ok: false, file: manifestName, check: 'manifest', message: manifest.problem });
  } else {
    lines.push(...manifestLines(zip, manifest, signer));
  }
  const parsed = 'problem' in manifest ? null : manifest;
  return {
    ok: lines.every((line) => line.ok),
    packageId: parsed?.packageId ?? null,
    caseNumber: parsed?.case.caseNumber ?? null,
    fingerprint: signer,
    lines,
  };
}
