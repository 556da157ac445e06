import type { Manifest, ManifestItem, TimeWindow } from './manifest';

// What the biên bản says, as plain data taken from the manifest, so the document and the
// signed manifest cannot disagree.

export interface BienBanItem {
  file: string;
  originalName: string;
  cameraCode: string | null;
  cameraName: string | null;
  ownerName: string | null;
  address: string | null;
  heading: number | null;
  requested: TimeWindow | null;
  delivered: TimeWindow | null;
  clockOffset: {
    ms: number;
    method: 'stream' | 'officer';
    byName: string | null;
    note: string | null;
  } | null;
  bytes: number;
  sha256: string;
  /** `extract` (from our own recording) or `upload` (sent by the owner). */
  kind: string;
  collectedByName: string | null;
  collectedAt: string;
}

export interface BienBanData {
  caseNumber: string;
  packageId: string;
  madeAt: string;
  /** Where it was made, e.g. `trụ sở Công an phường Xuân Đỉnh`. */
  madePlace: string;
  officer: { name: string; unit: string };
  incident: { type: string; description: string; place: string; window: TimeWindow };
  items: BienBanItem[];
  fingerprint: string;
}

function bienBanItem(item: ManifestItem): BienBanItem {
  return {
    file: item.file,
    originalName: item.originalName,
    cameraCode: item.source.cameraCode,
    cameraName: item.source.cameraName,
    ownerName: item.source.ownerName,
    address: item.source.address,
    heading: item.source.heading,
    requested: item.requested,
    delivered: item.delivered,
    clockOffset: item.clockOffset && {
      ms: item.clockOffset.ms,
      method: item.clockOffset.method,
      byName: item.clockOffset.by?.displayName ?? null,
      note: item.clockOffset.note,
    },
    bytes: item.bytes,
    sha256: item.sha256,
    kind: item.kind,
    collectedByName: item.collectedBy?.displayName ?? null,
    collectedAt: item.collectedAt,
  };
}

export function bienBanData(
  manifest: Manifest,
  officerUnit: string,
  madePlace = `trụ sở ${officerUnit}`,
): BienBanData {
  const place = manifest.case.place;
  return {
    caseNumber: manifest.case.caseNumber,
    packageId: manifest.packageId,
    madeAt: manifest.createdAt,
    madePlace,
    officer: { name: manifest.createdBy.displayName, unit: officerUnit },
    incident: {
      type: manifest.case.type,
      description: manifest.case.description,
      place: [place.address, place.unitName].filter(Boolean).join(', '),
      window: manifest.case.window,
    },
    items: manifest.items.map(bienBanItem),
    fingerprint: manifest.signing.publicKeyFingerprint,
  };
}
