import { randomUUID } from 'node:crypto';
import { crc32, inflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import type { Campaign } from '../../src/funding/funding.schemas';
import type { PlannedSiteTable } from '../../src/platform/db/schema';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { unitPath } from '../helpers/incident-fixtures';
import type { Harness } from '../helpers/harness';

// A small funding world for the funding and transparency suites: users of each kind, cameras
// in two wards, planned sites, and helpers to call the API as someone.

export interface FundingWorld {
  h: Harness;
  cookies: Record<string, string>;
  /** Cameras by label: xd1, xd2, xdPlanned (Xuân Đỉnh), xd3 (behind an installed site), cn1. */
  cameras: Record<string, string>;
  /** Planned sites: installed (camera xd3), agreed (no camera) in Xuân Đỉnh; away in Cổ Nhuế. */
  sites: Record<string, string>;
}

export const users = [
  ['admin', 'admin', null],
  ['xd.official', 'ward_official', unitIds.xuanDinh],
  ['cn.official', 'ward_official', unitIds.coNhue],
  ['xd.police', 'ward_police', unitIds.xuanDinh],
  ['hn.auditor', 'auditor', unitIds.hanoi],
  ['tx.owner', 'camera_owner', unitIds.tanXuan1],
] as const;

const camera = (code: string, unitId: string, status: CameraInput['status']): CameraInput => ({
  code,
  name: `Camera ${code}`,
  ownerKind: 'ward',
  jurisdictionId: unitId,
  latitude: unitId === unitIds.coNhue ? 21.0628 : 21.0737,
  longitude: unitId === unitIds.coNhue ? 105.7781 : 105.7905,
  heading: 90,
  fov: 90,
  rangeM: 30,
  status,
  consentTier: 'on_request',
});

async function insertSite(
  h: Harness,
  unitId: string,
  status: PlannedSiteTable['status'],
  cameraId: string | null,
): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await h.ctx.db.kysely
    .insertInto('planned_sites')
    .values({
      id,
      unit_id: unitId,
      jurisdiction_path: await unitPath(h.ctx, unitId),
      name: `Điểm ${status}`,
      address: null,
      latitude: 21.0737,
      longitude: 105.7905,
      heading: 0,
      fov: 90,
      range_m: 30,
      status,
      proposed_at: at,
      surveyed_at: null,
      agreed_at: null,
      funded_at: null,
      installed_at: status === 'installed' ? at : null,
      connected_at: null,
      responsible_name: 'Nguyễn Văn Phụ Trách',
      responsible_phone: '0900 111 222',
      notes: null,
      estimated_cost_vnd: 15_000_000,
      camera_id: cameraId,
      source: 'manual',
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function fundingWorld(h: Harness): Promise<FundingWorld> {
  await seedTestUnits(h.ctx);
  const cookies: Record<string, string> = {};
  for (const [username, role, unit] of users) {
    await h.createUser({ username, role, jurisdictionId: unit });
    cookies[username] = await h.login(username);
  }
  const [xd1, xd2, xd3, xdPlanned, cn1] = await createCameras(h.ctx, null, [
    camera('XD-1', unitIds.xuanDinh, 'online'),
    camera('XD-2', unitIds.tanXuan1, 'installed'),
    camera('XD-3', unitIds.xuanDinh, 'offline'),
    camera('XD-P', unitIds.xuanDinh, 'planned'),
    camera('CN-1', unitIds.coNhue, 'online'),
  ]);
  const cameras = { xd1: xd1!, xd2: xd2!, xd3: xd3!, xdPlanned: xdPlanned!, cn1: cn1! };
  const sites = {
    installed: await insertSite(h, unitIds.xuanDinh, 'installed', cameras.xd3),
    agreed: await insertSite(h, unitIds.tanXuan1, 'agreed', null),
    away: await insertSite(h, unitIds.coNhue, 'proposed', null),
  };
  return { h, cookies, cameras, sites };
}

export type Who = (typeof users)[number][0];

export function caller(world: FundingWorld) {
  return (who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    world.h.app.inject({
      method,
      url,
      payload,
      headers: who ? { cookie: world.cookies[who]! } : {},
    });
}

export const campaignBody = (overrides: object = {}) => ({
  unitId: unitIds.xuanDinh,
  name: 'Phủ kín camera ngõ xóm Xuân Đỉnh',
  description: 'Lắp 60 camera còn thiếu ở các ngõ.',
  goalVnd: 10_000_000,
  startsOn: '2024-03-01',
  endsOn: '2024-04-30',
  bankBin: '970405',
  accountNumber: '1500 2050 12345',
  accountName: 'Quỹ camera phường Xuân Đỉnh',
  ...overrides,
});

export async function openCampaign(world: FundingWorld, overrides: object = {}): Promise<Campaign> {
  const response = await caller(world)(
    'xd.official',
    'POST',
    '/api/campaigns',
    campaignBody(overrides),
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Campaign>();
}

export const donationBody = (overrides: object = {}) => ({
  donorName: 'Hộ Nguyễn Văn An',
  donorPublic: true,
  amountVnd: 500_000,
  donatedOn: '2024-03-05',
  channel: 'cash',
  ...overrides,
});

/** Reads a PNG the way a decoder does: chunks with CRCs, inflated pixels of the right size. */
export function decodePng(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    const crc = data.readUInt32BE(offset + 8 + length);
    expect(crc32(data.subarray(offset + 4, offset + 8 + length)), `${type} CRC`).toBe(crc);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      bitDepth = body[8]!;
      colorType = body[9]!;
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType] ?? 0;
  const rowBytes = Math.ceil((width * channels * bitDepth) / 8);
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (rowBytes + 1));
  return { width, height };
}
