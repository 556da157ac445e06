import type { Config } from '../platform/config';
import type { CustodyEventTable, EvidenceItemTable, EvidenceKind } from '../platform/db/schema';
import { absoluteEvidencePath } from './evidence-files';
import type { EvidenceSource, MediaSummary } from './evidence.types';

// The JSON shapes of evidence items and custody events, as the web app and packages read them.

export interface Interval {
  from: string;
  to: string;
}

export interface EvidenceItem {
  id: string;
  incidentId: string;
  requestId: string | null;
  kind: EvidenceKind;
  derivedFrom: string | null;
  source: EvidenceSource;
  fileName: string;
  mime: string;
  bytes: number;
  sha256: string;
  media: MediaSummary | null;
  requested: Interval | null;
  delivered: Interval | null;
  clockOffset: {
    ms: number;
    method: 'stream' | 'officer';
    by: string | null;
    byName: string | null;
    at: string;
    note: string | null;
  } | null;
  collectedBy: string | null;
  collectedByName: string | null;
  collectedAt: string;
  viewingCopyId: string | null;
}

export interface CustodyEvent {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  details: Record<string, unknown> | null;
  auditSeq: number | null;
  prevHash: string;
  hash: string;
}

/** The absolute path of an item's stored file. */
export function evidencePath(config: Pick<Config, 'dataDir'>, row: EvidenceItemTable): string {
  return absoluteEvidencePath(config, row.stored_path);
}

const iso = (ms: number) => new Date(ms).toISOString();

function interval(fromMs: number | null, toMs: number | null): Interval | null {
  return fromMs === null || toMs === null ? null : { from: iso(fromMs), to: iso(toMs) };
}

const emptySource: EvidenceSource = {
  cameraId: null,
  cameraCode: null,
  cameraName: null,
  ownerKind: null,
  ownerName: null,
  address: null,
  latitude: null,
  longitude: null,
  heading: null,
  makeModel: null,
};

function parseObject<T>(text: string | null): T | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' ? (value as T) : null;
}

/**
 * An item as JSON. `names` gives display names of the users it mentions; `viewingCopyId` is the
 * viewing copy made from it, when the caller looked it up.
 */
export function toEvidenceItem(
  row: EvidenceItemTable,
  extra: { names?: ReadonlyMap<string, string>; viewingCopyId?: string | null } = {},
): EvidenceItem {
  const name = (id: string | null) => (id === null ? null : (extra.names?.get(id) ?? null));
  const offset =
    row.clock_offset_ms === null || row.clock_offset_method === null
      ? null
      : {
          ms: Number(row.clock_offset_ms),
          method: row.clock_offset_method,
          by: row.clock_offset_by,
          byName: name(row.clock_offset_by),
          at: row.clock_offset_at ?? row.collected_at,
          note: row.clock_offset_note,
        };
  return {
    id: row.id,
    incidentId: row.incident_id,
    requestId: row.request_id,
    kind: row.kind,
    derivedFrom: row.derived_from,
    source: { ...emptySource, ...parseObject<EvidenceSource>(row.source) },
    fileName: row.file_name,
    mime: row.mime,
    bytes: Number(row.bytes),
    sha256: row.sha256,
    media: parseObject<MediaSummary>(row.media),
    requested: interval(row.requested_from_ms, row.requested_to_ms),
    delivered: interval(row.delivered_from_ms, row.delivered_to_ms),
    clockOffset: offset,
    collectedBy: row.collected_by,
    collectedByName: name(row.collected_by),
    collectedAt: row.collected_at,
    viewingCopyId: extra.viewingCopyId ?? null,
  };
}

/** Details as stored; text that is no longer JSON (an edited row) is shown as it is. */
function custodyDetails(text: string | null): Record<string, unknown> | null {
  try {
    return parseObject<Record<string, unknown>>(text);
  } catch (error) {
    if (error instanceof SyntaxError) return { unreadable: text };
    throw error;
  }
}

export function toCustodyEvent(row: CustodyEventTable): CustodyEvent {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    action: row.action,
    details: custodyDetails(row.details),
    auditSeq: row.audit_seq,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
