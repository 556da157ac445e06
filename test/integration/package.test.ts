import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { custodyEvents } from '../../src/evidence/custody.service';
import { absoluteEvidencePath } from '../../src/evidence/evidence-files';
import { verifyPackage } from '../../src/evidence/package/verify';
import type { Manifest } from '../../src/evidence/package/manifest';
import type { Actor } from '../../src/auth/actor';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/harness';
import { insertTestIncident, unitPath } from '../helpers/incident-fixtures';
import {
  caseWithItems,
  createOwnedCamera,
  ownerName,
  packageThroughApi,
  policeActor,
  readZipEntries,
} from './package-fixtures';

const run = promisify(execFile);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeEachDatabase('evidence packages', (h) => {
  let dir = '';
  let police = '';
  let otherWard = '';
  let owner = '';
  let actor: Actor;
  let cameraId = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'matthan-package-'));
    await seedTestUnits(h().ctx);
    const policeId = await h().createUser({
      username: 'police.xd',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    await h().createUser({
      username: 'police.cn',
      role: 'ward_police',
      jurisdictionId: unitIds.coNhue,
    });
    const ownerId = await h().createUser({ username: 'owner.pk', role: 'camera_owner' });
    police = await h().login('police.xd');
    otherWard = await h().login('police.cn');
    owner = await h().login('owner.pk');
    actor = policeActor(policeId, 'police.xd', await unitPath(h().ctx, unitIds.xuanDinh));
    cameraId = await createOwnedCamera(h(), ownerId);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const inject = (method: 'GET' | 'POST', url: string, cookie?: string) =>
    h().app.inject({ method, url, headers: cookie ? { cookie } : {} });

  it('packages every original of a case into a signed ZIP that verifies', async () => {
    const { incident, items } = await caseWithItems(h(), actor, cameraId, dir);
    const { pkg, zipPath, headers } = await packageThroughApi(h(), police, incident.id, dir);
    expect(pkg).toMatchObject({
      incidentId: incident.id,
      fileName: `${incident.case_number}.zip`,
      itemCount: 2,
      createdBy: actor.id,
    });
    expect(headers['content-type']).toBe('application/zip');
    expect(headers['content-disposition']).toBe(
      `attachment; filename="${incident.case_number}.zip"`,
    );

    const key = (await inject('GET', '/api/evidence/public-key', police)).json<{
      publicKeyPem: string;
      fingerprint: string;
    }>();
    const report = await verifyPackage(zipPath, { trustedKeyPem: key.publicKeyPem });
    expect(report.lines.filter((line) => !line.ok)).toEqual([]);
    expect(report).toMatchObject({ ok: true, packageId: pkg.id, fingerprint: key.fingerprint });

    const entries = await readZipEntries(zipPath);
    expect(entries.map((entry) => entry.name)).toEqual([
      'manifest.json',
      'manifest.sig',
      'public-key.pem',
      'bien-ban.pdf',
      'clips/1-CAM-PK1_trich_xuat.mp4',
      'clips/2-video_nha_ba_Hang.mp4',
    ]);
    const manifestEntry = entries.find((entry) => entry.name === 'manifest.json')!;
    expect(sha256(manifestEntry.content)).toBe(pkg.manifestSha256);
    const manifest = JSON.parse(manifestEntry.content.toString('utf8')) as Manifest;
    expect(manifest.items.map((item) => [item.id, item.sha256, item.source.ownerName])).toEqual(
      items.map((item) => [item.id, item.sha256, ownerName]),
    );
    // Video is stored as is, never deflated.
    for (const clip of entries.filter((entry) => entry.name.startsWith('clips/'))) {
      expect(clip.compressionMethod).toBe(0);
    }
    // Each chain in the package ends with the export into it, as the database has it.
    for (const [index, item] of items.entries()) {
      const stored = await custodyEvents(h().ctx.db, item.id);
      expect(stored.at(-1)).toMatchObject({
        action: 'exported',
        details: JSON.stringify({ packageId: pkg.id }),
      });
      expect(manifest.items[index]!.custody.map((event) => event.hash)).toEqual(
        stored.map((event) => event.hash),
      );
    }

    const listed = await inject('GET', `/api/incidents/${incident.id}/packages`, police);
    expect(listed.json()).toEqual({ items: [pkg] });
    const audit = await h()
      .ctx.db.kysely.selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('action', 'in', ['evidence.package', 'evidence.package_download'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'evidence.package', target_id: incident.id },
        { action: 'evidence.package_download', target_id: pkg.id },
      ]),
    );
  });

  it('includes a biên bản whose text names the case and the owner with diacritics intact', async () => {
    const { incident } = await caseWithItems(h(), actor, cameraId, dir, ['extract']);
    const { zipPath } = await packageThroughApi(h(), police, incident.id, dir);
    const pdf = (await readZipEntries(zipPath)).find((entry) => entry.name === 'bien-ban.pdf')!;
    const pdfPath = join(dir, `${incident.id}.pdf`);
    await writeFile(pdfPath, pdf.content);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
    const text = stdout.normalize('NFC');
    expect(text).toContain('BIÊN BẢN THU THẬP DỮ LIỆU ĐIỆN TỬ');
    expect(text).toContain(`Số vụ việc: ${incident.case_number}`);
    expect(text).toContain(`Chủ camera: ${ownerName}`);
    expect(text).toContain('Công an phường Xuân Đỉnh');
  });

  it('leaves viewing copies out: only originals go into a package', async () => {
    const { incident, items } = await caseWithItems(h(), actor, cameraId, dir, ['extract']);
    const original = items[0]!;
    await h()
      .ctx.db.kysely.insertInto('evidence_items')
      .values({
        ...original,
        id: `${original.id}-view`,
        kind: 'viewing_copy',
        derived_from: original.id,
        stored_path: `${incident.id}/${original.id}-view.mp4`,
      })
      .execute();
    const { pkg } = await packageThroughApi(h(), police, incident.id, dir);
    expect(pkg.itemCount).toBe(1);
  });

  it('refuses a case with no evidence, naming the case', async () => {
    const incident = await insertTestIncident(h().ctx);
    const response = await inject('POST', `/api/incidents/${incident.id}/packages`, police);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { message: string } }>().error.message).toContain(
      incident.case_number,
    );
  });

  it('refuses an altered or missing stored file and writes no package', async () => {
    const { incident, items } = await caseWithItems(h(), actor, cameraId, dir);
    const item = items[1]!;
    const path = absoluteEvidencePath(h().ctx.config, item.stored_path);
    const packagesDir = join(h().dataDir, 'evidence', 'packages');
    const filesBefore = await readdir(packagesDir);
    await chmod(path, 0o644);
    await writeFile(path, 'altered');
    const altered = await inject('POST', `/api/incidents/${incident.id}/packages`, police);
    expect(altered.statusCode).toBe(409);
    expect(altered.json<{ error: { message: string } }>().error.message).toBe(
      `evidence item ${item.id} (${item.file_name}): the stored file no longer matches its SHA-256`,
    );
    await rm(path);
    const missing = await inject('POST', `/api/incidents/${incident.id}/packages`, police);
    expect(missing.statusCode).toBe(409);
    expect(missing.json<{ error: { message: string } }>().error.message).toContain(
      `evidence item ${item.id} (${item.file_name}): the stored file is missing`,
    );
    const rows = await h()
      .ctx.db.kysely.selectFrom('evidence_packages')
      .select('id')
      .where('incident_id', '=', incident.id)
      .execute();
    expect(rows).toEqual([]);
    expect(await readdir(packagesDir)).toEqual(filesBefore);
    const chain = await custodyEvents(h().ctx.db, items[0]!.id);
    expect(chain.map((event) => event.action)).toEqual(['acquired']);
  });

  it('keeps packages to police of the case and serves the public key to any signed-in user', async () => {
    const { incident } = await caseWithItems(h(), actor, cameraId, dir, ['upload']);
    const { pkg } = await packageThroughApi(h(), police, incident.id, dir);
    for (const cookie of [otherWard, owner]) {
      expect(
        (await inject('POST', `/api/incidents/${incident.id}/packages`, cookie)).statusCode,
      ).toBe(403);
      expect(
        (await inject('GET', `/api/incidents/${incident.id}/packages`, cookie)).statusCode,
      ).toBe(403);
      expect(
        (await inject('GET', `/api/evidence-packages/${pkg.id}/download`, cookie)).statusCode,
      ).toBe(403);
    }
    expect((await inject('GET', '/api/evidence-packages/nope/download', police)).statusCode).toBe(
      404,
    );
    expect((await inject('GET', '/api/evidence/public-key')).statusCode).toBe(401);
    const key = await inject('GET', '/api/evidence/public-key', owner);
    expect(key.statusCode).toBe(200);
    expect(key.body).not.toContain('PRIVATE');
    expect(key.json()).toMatchObject({
      publicKeyPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/) as unknown,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });
});
