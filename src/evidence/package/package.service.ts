import { createHash, randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import type { Actor } from '../../auth/actor';
import { loadIncident } from '../../incidents/incident.access';
import type { AppContext } from '../../platform/context';
import type { EvidenceItemTable, EvidencePackageTable } from '../../platform/db/schema';
import { conflict, notFound } from '../../platform/http/errors';
import { recordCustody, custodyEvents } from '../custody.service';
import { absoluteEvidencePath, sha256File } from '../evidence-files';
import { bienBanData } from './bien-ban-data';
import { renderBienBan } from './bien-ban';
import { vnPoliceOf } from './bien-ban-text';
import {
  bienBanName,
  manifestBytes,
  manifestName,
  publicKeyName,
  safeFileName,
  signatureName,
  type Manifest,
} from './manifest';
import { buildManifest, peopleIds } from './manifest-build';
import {
  findPackage,
  insertPackage,
  packageItems,
  packagesOf,
  people,
  unitOf,
} from './package.repo';
import { loadSigningKey, signBytes } from './signing-key';
import { writeZip, type ZipEntry } from './zip-writer';

// An evidence package: a case's original files, the signed manifest that lists them with their
// custody chains, and the biên bản to print, in one ZIP anyone can check with `matthan verify`.

export interface EvidencePackage {
  id: string;
  incidentId: string;
  fileName: string;
  bytes: number;
  sha256: string;
  manifestSha256: string;
  itemCount: number;
  createdBy: string | null;
  createdAt: string;
}

export function toEvidencePackage(row: EvidencePackageTable): EvidencePackage {
  return {
    id: row.id,
    incidentId: row.incident_id,
    fileName: row.file_name,
    bytes: Number(row.bytes),
    sha256: row.sha256,
    manifestSha256: row.manifest_sha256,
    itemCount: row.item_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** `<case number>.zip`, with characters a file name cannot carry replaced. */
export function packageFileName(caseNumber: string): string {
  return `${safeFileName(caseNumber.replace(/[\\/]+/g, '-'), 'package')}.zip`;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The file's stat, or null when there is no such file (any other error is thrown). */
async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const describeItem = (row: EvidenceItemTable) => `evidence item ${row.id} (${row.file_name})`;

/** 409 naming the first item whose stored file is gone or no longer has its recorded hash. */
async function checkStoredFiles(ctx: AppContext, rows: readonly EvidenceItemTable[]) {
  for (const row of rows) {
    const path = absoluteEvidencePath(ctx.config, row.stored_path);
    const found = await statOrNull(path);
    if (!found?.isFile()) throw conflict(`${describeItem(row)}: the stored file is missing`);
    if (found.size !== Number(row.bytes) || (await sha256File(path)) !== row.sha256) {
      throw conflict(`${describeItem(row)}: the stored file no longer matches its SHA-256`);
    }
  }
}

/** Builds, signs and stores a package of every original of the case. */
export async function buildPackage(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
  meta: { ip?: string } = {},
): Promise<EvidencePackage> {
  const incident = await loadIncident(ctx, actor, incidentId);
  const rows = await packageItems(ctx.db, incident.id);
  if (rows.length === 0) {
    throw conflict(`case ${incident.case_number} has no evidence items to package`);
  }
  await checkStoredFiles(ctx, rows);

  const packageId = randomUUID();
  // Recorded before the manifest is written, so each chain in the package ends with its export.
  for (const row of rows) {
    await recordCustody(ctx, actor, row, 'exported', { packageId }, { ip: meta.ip });
  }
  const items = await Promise.all(
    rows.map(async (row) => ({ row, custody: await custodyEvents(ctx.db, row.id) })),
  );
  const key = loadSigningKey(ctx.config.dataDir);
  const caseUnit = await unitOf(ctx.db, incident.unit_id);
  const officerUnit = vnPoliceOf((await unitOf(ctx.db, actor.jurisdictionId)) ?? caseUnit);
  const createdAt = ctx.now().toISOString();
  const unsigned = buildManifest({
    packageId,
    createdAt,
    createdBy: { id: actor.id, username: actor.username, displayName: actor.displayName },
    incident,
    unitName: caseUnit ? `${caseUnit.kind} ${caseUnit.name}`.trim() : '',
    items,
    people: await people(ctx.db, peopleIds(rows)),
    documents: [],
    fingerprint: key.fingerprint,
  });
  const pdf = await renderBienBan(bienBanData(unsigned, officerUnit));
  const manifest: Manifest = {
    ...unsigned,
    documents: [{ file: bienBanName, sha256: sha256(pdf), bytes: pdf.length }],
  };
  const manifestJson = manifestBytes(manifest);

  const storedPath = `packages/${packageId}.zip`;
  const destination = absoluteEvidencePath(ctx.config, storedPath);
  const entries: ZipEntry[] = [
    { name: manifestName, buffer: manifestJson, compress: true },
    {
      name: signatureName,
      buffer: Buffer.from(`${signBytes(manifestJson, key)}\n`),
      compress: false,
    },
    { name: publicKeyName, buffer: Buffer.from(key.publicKeyPem), compress: false },
    { name: bienBanName, buffer: pdf, compress: false },
    // Video does not deflate; storing it keeps each clip's bytes readable in place.
    ...manifest.items.map((item, index) => ({
      name: item.file,
      path: absoluteEvidencePath(ctx.config, rows[index]!.stored_path),
      compress: false,
    })),
  ];
  const zip = await writeZip(destination, entries, new Date(createdAt));
  await assertZipMatches(destination, zip.entries, manifest);

  const row: EvidencePackageTable = {
    id: packageId,
    incident_id: incident.id,
    stored_path: storedPath,
    file_name: packageFileName(incident.case_number),
    bytes: zip.bytes,
    sha256: zip.sha256,
    manifest_sha256: sha256(manifestJson),
    item_count: rows.length,
    created_by: actor.id,
    created_at: createdAt,
  };
  await insertPackage(ctx.db, row);
  await ctx.audit.record({
    actor,
    action: 'evidence.package',
    targetType: 'incident',
    targetId: incident.id,
    jurisdictionPath: incident.jurisdiction_path,
    ip: meta.ip ?? null,
    details: {
      packageId,
      caseNumber: incident.case_number,
      itemIds: rows.map((item) => item.id),
      sha256: row.sha256,
      manifestSha256: row.manifest_sha256,
      bytes: row.bytes,
    },
  });
  return toEvidencePackage(row);
}

/** A file changed between the check and the copy: the package is removed rather than kept. */
async function assertZipMatches(
  destination: string,
  written: Map<string, { sha256: string; bytes: number }>,
  manifest: Manifest,
): Promise<void> {
  for (const item of manifest.items) {
    const entry = written.get(item.file);
    if (entry?.sha256 === item.sha256 && entry.bytes === item.bytes) continue;
    await rm(destination, { force: true });
    throw conflict(`evidence item ${item.id} (${item.originalName}) changed while it was packaged`);
  }
}

export async function listPackages(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
): Promise<EvidencePackage[]> {
  const incident = await loadIncident(ctx, actor, incidentId);
  return (await packagesOf(ctx.db, incident.id)).map(toEvidencePackage);
}

/** The stored ZIP of a package the actor may see; the download is audited. */
export async function openPackageDownload(
  ctx: AppContext,
  actor: Actor,
  packageId: string,
  meta: { ip?: string } = {},
): Promise<{ path: string; fileName: string; bytes: number }> {
  const row = await findPackage(ctx.db, packageId);
  if (!row) throw notFound('evidence package');
  const incident = await loadIncident(ctx, actor, row.incident_id);
  const path = absoluteEvidencePath(ctx.config, row.stored_path);
  const found = await statOrNull(path);
  if (!found?.isFile()) throw notFound('evidence package file');
  await ctx.audit.record({
    actor,
    action: 'evidence.package_download',
    targetType: 'evidence_package',
    targetId: row.id,
    jurisdictionPath: incident.jurisdiction_path,
    ip: meta.ip ?? null,
    details: { incidentId: incident.id, caseNumber: incident.case_number, sha256: row.sha256 },
  });
  return { path, fileName: row.file_name, bytes: found.size };
}
