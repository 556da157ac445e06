import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/evidence/package/manifest';
import { ephemeralSigningKey, signBytes } from '../../src/evidence/package/signing-key';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { createHarness, type Harness } from '../helpers/harness';
import { unitPath } from '../helpers/incident-fixtures';
import {
  caseWithItems,
  createOwnedCamera,
  packageThroughApi,
  policeActor,
  rewriteZip,
} from './package-fixtures';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'src', 'cli', 'matthan.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI, as an operator runs it, with no server and no database. */
function matthanVerify(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'verify', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The package comes from the server on SQLite; the CLI never opens a database, so one is enough.
describe('matthan verify', { timeout: 60_000 }, () => {
  let h: Harness;
  let dir = '';
  let zipPath = '';
  let keyPath = '';
  let clips: string[] = [];

  beforeAll(async () => {
    h = await createHarness('sqlite');
    dir = await mkdtemp(join(tmpdir(), 'matthan-verify-cli-'));
    await seedTestUnits(h.ctx);
    const policeId = await h.createUser({
      username: 'police.xd',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    const ownerId = await h.createUser({ username: 'owner.v', role: 'camera_owner' });
    const actor = policeActor(policeId, 'police.xd', await unitPath(h.ctx, unitIds.xuanDinh));
    const cameraId = await createOwnedCamera(h, ownerId);
    const { incident } = await caseWithItems(h, actor, cameraId, dir);
    const cookie = await h.login('police.xd');
    zipPath = (await packageThroughApi(h, cookie, incident.id, dir)).zipPath;
    const key = await h.app.inject({
      method: 'GET',
      url: '/api/evidence/public-key',
      headers: { cookie },
    });
    keyPath = join(dir, 'server.pem');
    await writeFile(keyPath, key.json<{ publicKeyPem: string }>().publicKeyPem);
    clips = ['clips/1-CAM-PK1_trich_xuat.mp4', 'clips/2-video_nha_ba_Hang.mp4'];
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  const tampered = async (
    name: string,
    edit: (entry: string, content: Buffer) => Buffer | null,
  ): Promise<string> => {
    const path = join(dir, name);
    await rewriteZip(zipPath, path, edit);
    return path;
  };

  it('passes an untouched package with a line per item and the signature', async () => {
    const result = await matthanVerify([zipPath, '--key', keyPath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^OK {3}manifest\.json {2}signature Ed25519 valid, trusted key fingerprint [0-9a-f]{64}$/,
    );
    for (const clip of clips) {
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^OK {3}${clip} {2}sha256 [0-9a-f]{64}$`)),
      );
      expect(lines).toContainEqual(`OK   ${clip}  custody chain intact, 2 events`);
    }
    expect(lines).toContainEqual(expect.stringMatching(/^OK {3}bien-ban\.pdf {2}sha256 /));
    expect(lines.at(-1)).toMatch(/checks passed$/);
  });

  it('prints the report as JSON on request', async () => {
    const result = await matthanVerify([zipPath, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; lines: unknown[] };
    expect(report.ok).toBe(true);
    expect(report.lines).toHaveLength(6);
  });

  it('exits 1 naming a clip with one flipped byte', async () => {
    const path = await tampered('flipped.zip', (name, content) => {
      if (name !== clips[0]) return content;
      const copy = Buffer.from(content);
      copy[100] = copy[100]! ^ 0xff;
      return copy;
    });
    const result = await matthanVerify([path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^FAIL ${clips[0]} {2}sha256 mismatch: expected [0-9a-f]{64} got [0-9a-f]{64}$`,
        'm',
      ),
    );
    expect(result.stdout).toMatch(new RegExp(`^OK {3}${clips[1]} {2}sha256`, 'm'));
    expect(result.stderr).toContain(`verification failed: ${clips[0]} sha256 mismatch`);
  });

  it('exits 1 naming the signature when one byte of the manifest changed', async () => {
    const path = await tampered('manifest.zip', (name, content) => {
      if (name !== 'manifest.json') return content;
      const copy = Buffer.from(content);
      const at = copy.indexOf('"description"') + 1;
      copy[at] = 'D'.charCodeAt(0);
      return copy;
    });
    const result = await matthanVerify([path, '--key', keyPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL manifest\.json {2}signature does not match manifest\.json .*the manifest was changed after signing$/m,
    );
  });

  it('exits 1 naming a clip removed from the package', async () => {
    const path = await tampered('removed.zip', (name, content) =>
      name === clips[1] ? null : content,
    );
    const result = await matthanVerify([path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL ${clips[1]}  missing from the package`);
  });

  it('exits 1 with --key when the package was re-signed with another key', async () => {
    const forger = ephemeralSigningKey();
    const entries = new Map<string, Buffer>();
    await tampered('read.zip', (name, content) => {
      entries.set(name, content);
      return content;
    });
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as Manifest;
    manifest.signing.publicKeyFingerprint = forger.fingerprint;
    const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const path = await tampered('resigned.zip', (name, content) => {
      if (name === 'manifest.json') return json;
      if (name === 'manifest.sig') return Buffer.from(signBytes(json, forger));
      if (name === 'public-key.pem') return Buffer.from(forger.publicKeyPem);
      return content;
    });
    // On its own the forgery is consistent; only a trusted key tells it apart.
    expect((await matthanVerify([path])).code).toBe(0);
    const result = await matthanVerify([path, '--key', keyPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `FAIL manifest.json  signed by a different key (fingerprint ${forger.fingerprint})`,
    );
  });

  it('exits 2 with a clear message for input it cannot read', async () => {
    const text = join(dir, 'not-a-zip.zip');
    await writeFile(text, 'hello');
    const [notZip, missing, noKey] = await Promise.all([
      matthanVerify([text]),
      matthanVerify([join(dir, 'nothing.zip')]),
      matthanVerify([zipPath, '--key', join(dir, 'none.pem')]),
    ]);
    expect(notZip.code).toBe(2);
    expect(notZip.stderr).toMatch(new RegExp(`^matthan: ${text} is not a ZIP file`));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`matthan: ${join(dir, 'nothing.zip')}: no such file\n`);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('no such key file');
  });
});
