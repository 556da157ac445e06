import type { EvidenceKind } from '../../platform/db/schema';
import type { EvidenceSource, MediaSummary } from '../evidence.types';

// The manifest is the package: every other entry is checked against it, and the signature
// covers its exact bytes. It must read on its own, years later, without our database.

export const manifestFormat = 'matthan-evidence-package/1';
export const manifestName = 'manifest.json';
export const signatureName = 'manifest.sig';
export const publicKeyName = 'public-key.pem';
export const bienBanName = 'bien-ban.pdf';

export interface PersonRef {
  id: string;
  username: string;
  displayName: string;
}

export interface TimeWindow {
  from: string;
  to: string;
}

/** One link of an item's custody chain, exactly as stored (its hash covers these fields). */
export interface ManifestCustodyEvent {
  id: string;
  itemId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  /** The stored JSON text, unparsed: re-serialising could change the hashed bytes. */
  details: string | null;
  auditSeq: number | null;
  prevHash: string;
  hash: string;
}

export interface ManifestItem {
  id: string;
  /** Path inside the ZIP. */
  file: string;
  /** The name the file had when it was collected. */
  originalName: string;
  kind: EvidenceKind;
  sha256: string;
  bytes: number;
  mime: string;
  source: EvidenceSource;
  requested: TimeWindow | null;
  delivered: TimeWindow | null;
  clockOffset: {
    ms: number;
    method: 'stream' | 'officer';
    by: PersonRef | null;
    at: string | null;
    note: string | null;
  } | null;
  collectedBy: PersonRef | null;
  collectedAt: string;
  media: MediaSummary | null;
  custody: ManifestCustodyEvent[];
}

export interface ManifestDocument {
  file: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: typeof manifestFormat;
  packageId: string;
  createdAt: string;
  createdBy: PersonRef;
  case: {
    caseNumber: string;
    type: string;
    description: string;
    place: { latitude: number; longitude: number; address: string | null; unitName: string };
    window: TimeWindow;
    status: string;
  };
  items: ManifestItem[];
  documents: ManifestDocument[];
  signing: { algorithm: 'Ed25519'; publicKeyFingerprint: string };
}

/** The exact bytes written and signed: UTF-8, two-space indent, a final newline. */
export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

const maxNameLength = 80;

/**
 * A file name any unzip tool on any system can write: ASCII letters, digits, `.`, `-`, `_`;
 * Vietnamese letters lose their marks (đ → d) rather than becoming underscores.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const plain = base
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._]+/, '');
  const trimmed = plain.length > maxNameLength ? trimKeepingExtension(plain) : plain;
  return trimmed === '' || /^\.*$/.test(trimmed) ? fallback : trimmed;
}

function trimKeepingExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, maxNameLength - extension.length) + extension;
}

/** `clips/<n>-<safe name>`, numbered from 1 in the order the biên bản lists the items. */
export function clipEntryName(index: number, fileName: string): string {
  return `clips/${index + 1}-${safeFileName(fileName, 'clip')}`;
}
