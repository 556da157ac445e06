import type { CustodyEventTable, EvidenceItemTable, IncidentTable } from '../../platform/db/schema';
import type { EvidenceSource, MediaSummary } from '../evidence.types';
import {
  clipEntryName,
  manifestFormat,
  type Manifest,
  type ManifestCustodyEvent,
  type ManifestDocument,
  type ManifestItem,
  type PersonRef,
  type TimeWindow,
} from './manifest';

// Rows in, manifest out: no database and no files here, so what a package claims can be tested
// against the rows it was made from.

const iso = (ms: number) => new Date(ms).toISOString();

function window(from: number | null, to: number | null): TimeWindow | null {
  return from === null || to === null ? null : { from: iso(from), to: iso(to) };
}

export function manifestCustody(row: CustodyEventTable): ManifestCustodyEvent {
  return {
    id: row.id,
    itemId: row.item_id,
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    action: row.action,
    details: row.details,
    auditSeq: row.audit_seq,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Back to the stored row shape, which is what the custody hash is computed over. */
export function custodyRow(event: ManifestCustodyEvent): CustodyEventTable {
  return {
    id: event.id,
    item_id: event.itemId,
    seq: event.seq,
    at: event.at,
    actor_id: event.actorId,
    actor_username: event.actorUsername,
    action: event.action,
    details: event.details,
    audit_seq: event.auditSeq,
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

export type People = ReadonlyMap<string, PersonRef>;

const person = (people: People, id: string | null): PersonRef | null =>
  id === null ? null : (people.get(id) ?? { id, username: '', displayName: '' });

export function manifestItem(
  row: EvidenceItemTable,
  index: number,
  custody: readonly CustodyEventTable[],
  people: People,
): ManifestItem {
  return {
    id: row.id,
    file: clipEntryName(index, row.file_name),
    originalName: row.file_name,
    kind: row.kind,
    sha256: row.sha256,
    bytes: Number(row.bytes),
    mime: row.mime,
    source: JSON.parse(row.source) as EvidenceSource,
    requested: window(row.requested_from_ms, row.requested_to_ms),
    delivered: window(row.delivered_from_ms, row.delivered_to_ms),
    clockOffset:
      row.clock_offset_ms === null || row.clock_offset_method === null
        ? null
        : {
            ms: Number(row.clock_offset_ms),
            method: row.clock_offset_method,
            by: person(people, row.clock_offset_by),
            at: row.clock_offset_at,
            note: row.clock_offset_note,
          },
    collectedBy: person(people, row.collected_by),
    collectedAt: row.collected_at,
    media: row.media === null ? null : (JSON.parse(row.media) as MediaSummary),
    custody: custody.map(manifestCustody),
  };
}

export interface ManifestInput {
  packageId: string;
  createdAt: string;
  createdBy: PersonRef;
  incident: IncidentTable;
  unitName: string;
  items: { row: EvidenceItemTable; custody: readonly CustodyEventTable[] }[];
  people: People;
  documents: ManifestDocument[];
  fingerprint: string;
}

export function buildManifest(input: ManifestInput): Manifest {
  const { incident } = input;
  return {
    format: manifestFormat,
    packageId: input.packageId,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    case: {
      caseNumber: incident.case_number,
      type: incident.type,
      description: incident.description,
      place: {
        latitude: incident.latitude,
        longitude: incident.longitude,
        address: incident.address,
        unitName: input.unitName,
      },
      window: { from: iso(Number(incident.from_ms)), to: iso(Number(incident.to_ms)) },
      status: incident.status,
    },
    items: input.items.map(({ row, custody }, index) =>
      manifestItem(row, index, custody, input.people),
    ),
    documents: input.documents,
    signing: { algorithm: 'Ed25519', publicKeyFingerprint: input.fingerprint },
  };
}

/** Ids of everyone an item names, to look their names up once. */
export function peopleIds(rows: readonly EvidenceItemTable[]): string[] {
  const ids = rows.flatMap((row) => [row.collected_by, row.clock_offset_by]);
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
