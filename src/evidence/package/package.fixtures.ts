import type { CustodyEventTable, EvidenceItemTable, IncidentTable } from '../../platform/db/schema';
import { CUSTODY_GENESIS, custodyHash } from '../custody-chain';

// Rows for the package unit tests: an item of each kind, its custody chain and a case.

export const source = {
  cameraId: 'cam-1',
  cameraCode: 'CAM-001',
  cameraName: 'Cổng chợ',
  ownerKind: 'household',
  ownerName: 'Phạm Thị Thuý Hằng',
  address: 'Số 5 ngõ 12 Xuân Đỉnh',
  latitude: 21.0752,
  longitude: 105.7871,
  heading: 90,
  makeModel: null,
};

export function itemRow(overrides: Partial<EvidenceItemTable> = {}): EvidenceItemTable {
  return {
    id: 'item-1',
    incident_id: 'inc-1',
    request_id: null,
    kind: 'extract',
    derived_from: null,
    camera_id: 'cam-1',
    source: JSON.stringify(source),
    file_name: 'CAM-001 14h05.mp4',
    stored_path: 'inc-1/item-1.mp4',
    mime: 'video/mp4',
    bytes: 1234,
    sha256: 'a'.repeat(64),
    media: JSON.stringify({ format: 'mov,mp4', durationS: 10, video: null, audio: null }),
    requested_from_ms: Date.parse('2025-03-02T07:05:00Z'),
    requested_to_ms: Date.parse('2025-03-02T07:10:00Z'),
    delivered_from_ms: Date.parse('2025-03-02T07:05:01Z'),
    delivered_to_ms: Date.parse('2025-03-02T07:10:00Z'),
    clock_offset_ms: 2400,
    clock_offset_method: 'stream',
    clock_offset_by: null,
    clock_offset_at: '2025-03-02T08:00:00.000Z',
    clock_offset_note: 'RTT 12 ms',
    collected_by: 'user-1',
    collected_at: '2025-03-02T08:00:00.000Z',
    ...overrides,
  };
}

/** A valid chain for an item: acquired, then the given actions. */
export function chain(itemId: string, actions: [string, string | null][]): CustodyEventTable[] {
  const events: CustodyEventTable[] = [];
  let prev = CUSTODY_GENESIS;
  for (const [index, [action, details]] of [['acquired', null] as const, ...actions].entries()) {
    const row = {
      id: `${itemId}-e${index + 1}`,
      item_id: itemId,
      seq: index + 1,
      at: `2025-03-02T08:0${index}:00.000Z`,
      actor_id: 'user-1',
      actor_username: 'police.xd',
      action,
      details,
      audit_seq: 10 + index,
      prev_hash: prev,
    };
    const event = { ...row, hash: custodyHash(row) };
    events.push(event);
    prev = event.hash;
  }
  return events;
}

export const incident = {
  id: 'inc-1',
  case_number: 'XD-2025-0007',
  unit_id: 'u-xd',
  jurisdiction_path: '/u-hn/u-xd/',
  case_year: 2025,
  case_seq: 7,
  type: 'theft',
  description: 'Mất trộm xe máy',
  latitude: 21.0752,
  longitude: 105.7871,
  address: 'Ngõ 12 Xuân Đỉnh',
  from_ms: Date.parse('2025-03-02T07:00:00Z'),
  to_ms: Date.parse('2025-03-02T07:30:00Z'),
  status: 'investigating',
} as IncidentTable;

export const people = new Map([
  ['user-1', { id: 'user-1', username: 'police.xd', displayName: 'Trần Văn Đức' }],
]);
