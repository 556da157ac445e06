import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestBytes, type Manifest } from './manifest';
import { buildManifest } from './manifest-build';
import { chain, incident, itemRow, people } from './package.fixtures';
import { ephemeralSigningKey, signBytes, type SigningKey } from './signing-key';
import { UnreadablePackageError, verifyPackage, type VerifyReport } from './verify';
import { writeZip, type ZipEntry } from './zip-writer';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const clips = [Buffer.from('first clip bytes'), Buffer.from('second clip, other bytes')];
const pdf = Buffer.from('%PDF-1.3 not really');

function manifestFor(
  key: SigningKey,
  custodyOf = (id: string) => chain(id, [['exported', '{"packageId":"pkg-1"}']]),
): Manifest {
  const rows = clips.map((clip, index) =>
    itemRow({ id: `item-${index + 1}`, sha256: sha256(clip), bytes: clip.length }),
  );
  return buildManifest({
    packageId: 'pkg-1',
    createdAt: '2025-03-02T09:30:00.000Z',
    createdBy: people.get('user-1')!,
    incident,
    unitName: 'phường Xuân Đỉnh',
    items: rows.map((row) => ({ row, custody: custodyOf(row.id) })),
    people,
    documents: [{ file: 'bien-ban.pdf', sha256: sha256(pdf), bytes: pdf.length }],
    fingerprint: key.fingerprint,
  });
}

interface Build {
  manifest?: Manifest;
  /** Replaces or drops (null) entries by name, or adds new ones. */
  entries?: Record<string, Buffer | null>;
  key?: SigningKey;
}

describe('verifyPackage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'matthan-verify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const serverKey = ephemeralSigningKey();
  let count = 0;

  async function build(options: Build = {}): Promise<string> {
    const key = options.key ?? serverKey;
    const manifest = options.manifest ?? manifestFor(key);
    const json = manifestBytes(manifest);
    const contents: Record<string, Buffer | null> = {
      'manifest.json': json,
      'manifest.sig': Buffer.from(signBytes(json, key)),
      'public-key.pem': Buffer.from(key.publicKeyPem),
      'bien-ban.pdf': pdf,
      [manifest.items[0]!.file]: clips[0]!,
      [manifest.items[1]!.file]: clips[1]!,
      ...options.entries,
    };
    const entries: ZipEntry[] = Object.entries(contents).flatMap(([name, buffer]) =>
      buffer ? [{ name, buffer, compress: name.endsWith('.json') }] : [],
    );
    const path = join(dir, `p${++count}.zip`);
    await writeZip(path, entries, new Date('2025-03-02T09:30:00Z'));
    return path;
  }

  const failures = (report: VerifyReport) =>
    report.lines.filter((line) => !line.ok).map((line) => `${line.file}: ${line.message}`);

  it('passes a package as built, with a line per item, custody chain and document', async () => {
    const report = await verifyPackage(await build(), { trustedKeyPem: serverKey.publicKeyPem });
    expect(failures(report)).toEqual([]);
    expect(report).toMatchObject({ ok: true, packageId: 'pkg-1', caseNumber: 'XD-2025-0007' });
    expect(report.fingerprint).toBe(serverKey.fingerprint);
    expect(report.lines.map((line) => `${line.file} ${line.check}`)).toEqual([
      'manifest.json signature',
      'clips/1-CAM-001_14h05.mp4 sha256',
      'clips/1-CAM-001_14h05.mp4 custody',
      'clips/2-CAM-001_14h05.mp4 sha256',
      'clips/2-CAM-001_14h05.mp4 custody',
      'bien-ban.pdf sha256',
    ]);
  });

  it('names a clip whose bytes changed, with both hashes', async () => {
    const changed = Buffer.from('first clip bytez');
    const report = await verifyPackage(
      await build({ entries: { 'clips/1-CAM-001_14h05.mp4': changed } }),
    );
    expect(failures(report)).toEqual([
      `clips/1-CAM-001_14h05.mp4: sha256 mismatch: expected ${sha256(clips[0]!)} got ${sha256(changed)}`,
    ]);
  });

  it('fails the signature when the manifest changed after signing', async () => {
    const signed = manifestBytes(manifestFor(serverKey));
    const edited = Buffer.from(signed.toString().replace('Mất trộm', 'Mất cắp'));
    const sig = Buffer.from(signBytes(signed, serverKey));
    const report = await verifyPackage(
      await build({ entries: { 'manifest.json': edited, 'manifest.sig': sig } }),
    );
    expect(failures(report)).toEqual([
      'manifest.json: signature does not match manifest.json: the manifest was changed after signing',
    ]);
  });

  it('names listed files that are missing and files that are not listed', async () => {
    const report = await verifyPackage(
      await build({
        entries: { 'clips/2-CAM-001_14h05.mp4': null, 'clips/extra.mp4': Buffer.from('x') },
      }),
    );
    expect(failures(report)).toEqual([
      'clips/2-CAM-001_14h05.mp4: missing from the package',
      'clips/extra.mp4: not listed in the manifest',
    ]);
  });

  it('names a package signed by another key than the trusted one', async () => {
    const other = ephemeralSigningKey();
    const path = await build({ key: other });
    expect((await verifyPackage(path)).ok).toBe(true);
    const report = await verifyPackage(path, { trustedKeyPem: serverKey.publicKeyPem });
    expect(failures(report)).toEqual([
      `manifest.json: signed by a different key (fingerprint ${other.fingerprint}), not the trusted key (fingerprint ${serverKey.fingerprint})`,
    ]);
  });

  it('finds an edited custody event and a chain that does not record this export', async () => {
    const edited = (id: string) => {
      const events = chain(id, [['exported', '{"packageId":"pkg-1"}']]);
      return id === 'item-1' ? events.map((e) => ({ ...e, actor_username: 'someone' })) : events;
    };
    const report = await verifyPackage(await build({ manifest: manifestFor(serverKey, edited) }));
    expect(failures(report)).toEqual([
      'clips/1-CAM-001_14h05.mp4: custody chain broken: custody event 1 was modified',
    ]);
    const elsewhere = (id: string) => chain(id, [['exported', '{"packageId":"pkg-0"}']]);
    const other = await verifyPackage(await build({ manifest: manifestFor(serverKey, elsewhere) }));
    expect(failures(other)).toHaveLength(2);
    expect(failures(other)[0]).toMatch(/does not record the export into this package$/);
  });

  it('refuses entries that climb out of the package or appear twice', async () => {
    const path = await build({ entries: { 'xx/evil.txt': Buffer.from('a'), 'bien-ban.pdX': pdf } });
    // yazl will not write such names, so they are patched into the finished ZIP.
    const bytes = readFileSync(path);
    const patched = Buffer.from(
      bytes
        .toString('latin1')
        .replaceAll('xx/evil.txt', '../evil.txt')
        .replaceAll('bien-ban.pdX', 'bien-ban.pdf'),
      'latin1',
    );
    writeFileSync(path, patched);
    const report = await verifyPackage(path);
    expect(failures(report)).toEqual([
      '../evil.txt: climbs out of the package with ..: refused',
      'bien-ban.pdf: appears more than once in the ZIP',
      'bien-ban.pdf: missing from the package',
    ]);
  });

  it('throws an unreadable-package error for a missing file or one that is not a ZIP', async () => {
    await expect(verifyPackage(join(dir, 'nothing.zip'))).rejects.toThrow(
      new UnreadablePackageError(`${join(dir, 'nothing.zip')}: no such file`),
    );
    const text = join(dir, 'text.zip');
    writeFileSync(text, 'this is not a zip');
    await expect(verifyPackage(text)).rejects.toBeInstanceOf(UnreadablePackageError);
    await expect(verifyPackage(await build(), { trustedKeyPem: 'nope' })).rejects.toThrow(
      /not an Ed25519 public key/,
    );
  });
});
