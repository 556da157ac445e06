import type { EvidenceKind } from '../platform/db/schema';

// The shapes the evidence domain shares with requests (uploads), packages and the web app
// (type-only imports, so the browser bundle takes nothing from the server).

/** What ffprobe says of a file; null from the probe means "not audio or video". */
export interface MediaSummary {
  /** ffprobe's format name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`, `avi`, `matroska,webm`, `mpegts`. */
  format: string;
  durationS: number | null;
  video: { codec: string; width: number | null; height: number | null } | null;
  audio: { codec: string } | null;
}

/** Who and what the bytes came from, frozen at acquisition (the camera may change later). */
export interface EvidenceSource {
  cameraId: string | null;
  cameraCode: string | null;
  cameraName: string | null;
  ownerKind: string | null;
  ownerName: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  heading: number | null;
  makeModel: string | null;
}

export interface ClockOffset {
  /** Camera clock minus true time, in ms (positive: the camera runs ahead). */
  ms: number;
  method: 'stream' | 'officer';
  /** User id of who measured or entered it; null when the server measured it. */
  by: string | null;
  note: string | null;
}

/** A file to take into evidence: it is moved (or copied) in and never written again. */
export interface AcquireInput {
  incidentId: string;
  requestId: string | null;
  kind: EvidenceKind;
  derivedFrom: string | null;
  cameraId: string | null;
  /** The file as received or extracted; moved into the evidence folder. */
  tempPath: string;
  /** The name the owner gave it, or one we made; shown and used inside packages. */
  fileName: string;
  mime: string;
  /** Computed while the bytes arrived (uploads) or right after writing (extracts). */
  sha256: string;
  bytes: number;
  media: MediaSummary | null;
  requestedFromMs: number | null;
  requestedToMs: number | null;
  deliveredFromMs: number | null;
  deliveredToMs: number | null;
  clockOffset: ClockOffset | null;
}

/** Every kind of custody event; each is also written to the audit log as `evidence.<action>`. */
export const custodyActions = [
  'acquired',
  'viewed',
  'downloaded',
  'derived',
  'clock_offset_set',
  'exported',
  'transferred',
] as const;
export type CustodyAction = (typeof custodyActions)[number];
