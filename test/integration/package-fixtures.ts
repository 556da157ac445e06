import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import type { Actor } from '../../src/auth/actor';
import { acquireFile } from '../../src/evidence/acquire';
import type { EvidencePackage } from '../../src/evidence/package/package.service';
import type { EvidenceItemTable, IncidentTable } from '../../src/platform/db/schema';
import { ffmpegBinary } from '../../src/platform/ffmpeg';
import { unitIds } from '../helpers/fixtures';
import type { Harness } from '../helpers/harness';
import { insertTestIncident } from '../helpers/incident-fixtures';
import { createFootageCamera } from './playback-fixtures';

// Evidence packages for the package and verify tests: real MP4s made by ffmpeg, acquired as
// evidence the way extracts and uploads are, and ZIP surgery to tamper with a finished package.

const run = promisify(execFile);

export const ownerName = 'Phạm Thị Thuý Hằng';

/** A short real MP4 (H.264 test pattern) and its hash. */
export async function makeClip(
  dir: string,
  name: string,
  seconds = 1,
): Promise<{ path: string; sha256: string; bytes: number }> {
  const path = join(dir, name);
  await run(ffmpegBinary(), [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `testsrc=size=160x120:rate=10:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', path],
  ]);
  const bytes = await readFile(path);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

export function policeActor(id: string, username: string, jurisdictionPath: string): Actor {
  return {
    id,
    username,
    displayName: username,
    role: 'ward_police',
    jurisdictionId: unitIds.xuanDinh,
    scopePath: jurisdictionPath,
    via: 'session',
  };
}

/** Acquires a real clip into the case, as an extract (with a measured offset) or an upload. */
export async function acquireClip(
  h: Harness,
  actor: Actor | null,
  input: { incident: IncidentTable; cameraId: string; kind: 'extract' | 'upload'; dir: string },
): Promise<EvidenceItemTable> {
  const clip = await makeClip(input.dir, `${input.kind}-${Date.now()}.mp4`);
  const { from_ms: from, to_ms: to } = input.incident;
  return acquireFile(h.ctx, actor, {
    incidentId: input.incident.id,
    requestId: null,
    kind: input.kind,
    derivedFrom: null,
    cameraId: input.cameraId,
    tempPath: clip.path,
    fileName: input.kind === 'extract' ? 'CAM-PK1 trích xuất.mp4' : 'video nhà bà Hằng.mp4',
    mime: 'video/mp4',
    sha256: clip.sha256,
    bytes: clip.bytes,
    media: null,
    requestedFromMs: from,
    requestedToMs: to,
    deliveredFromMs: from + 1000,
    deliveredToMs: to,
    clockOffset:
      input.kind === 'extract'
        ? { ms: 2400, method: 'stream', by: null, note: null }
        : { ms: -1000, method: 'officer', by: actor?.id ?? null, note: null },
  });
}

/** The camera every case's items come from, owned by someone with a Vietnamese name. */
export async function createOwnedCamera(h: Harness, ownerUserId: string): Promise<string> {
  return createFootageCamera(h, `CAM-PK${Math.floor(Math.random() * 1e6)}`, ownerUserId, {
    ownerName,
    address: 'Số 5 ngõ 12 Xuân Đỉnh',
    heading: 45,
  });
}

export async function caseWithItems(
  h: Harness,
  actor: Actor,
  cameraId: string,
  dir: string,
  kinds: ('extract' | 'upload')[] = ['extract', 'upload'],
): Promise<{ incident: IncidentTable; items: EvidenceItemTable[] }> {
  const incident = await insertTestIncident(h.ctx);
  const items: EvidenceItemTable[] = [];
  for (const kind of kinds)
    items.push(await acquireClip(h, actor, { incident, cameraId, kind, dir }));
  return { incident, items };
}

/** Builds a package through the API and downloads it into `dir`. */
export async function packageThroughApi(
  h: Harness,
  cookie: string,
  incidentId: string,
  dir: string,
): Promise<{ pkg: EvidencePackage; zipPath: string; headers: Record<string, unknown> }> {
  const made = await h.app.inject({
    method: 'POST',
    url: `/api/incidents/${incidentId}/packages`,
    headers: { cookie },
  });
  if (made.statusCode !== 201) throw new Error(`package failed: ${made.body}`);
  const pkg = made.json<EvidencePackage>();
  const download = await h.app.inject({
    method: 'GET',
    url: `/api/evidence-packages/${pkg.id}/download`,
    headers: { cookie },
  });
  if (download.statusCode !== 200) throw new Error(`download failed: ${download.body}`);
  const zipPath = join(dir, `${pkg.id}.zip`);
  await writeFile(zipPath, download.rawPayload);
  return { pkg, zipPath, headers: download.headers };
}

export interface ZipListing {
  name: string;
  compressionMethod: number;
  content: Buffer;
}

/** Every entry of a ZIP with its bytes (the packages in tests are small). */
export async function readZipEntries(path: string): Promise<ZipListing[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const entries: ZipListing[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.push({
      name: entry.fileName,
      compressionMethod: entry.compressionMethod,
      content: Buffer.concat(chunks),
    });
  }
  return entries;
}

/** Writes a copy of a ZIP with entries changed (a Buffer), removed (null) or added. */
export async function rewriteZip(
  source: string,
  destination: string,
  edit: (name: string, content: Buffer) => Buffer | null,
  added: Record<string, Buffer> = {},
): Promise<void> {
  const zip = new ZipFile();
  for (const entry of await readZipEntries(source)) {
    const content = edit(entry.name, entry.content);
    if (content) zip.addBuffer(content, entry.name, { compress: entry.compressionMethod !== 0 });
  }
  for (const [name, content] of Object.entries(added)) zip.addBuffer(content, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await writeFile(destination, Buffer.concat(chunks));
}
