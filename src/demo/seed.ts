import { createCameras } from '../cameras/camera.service';
import { createUser } from '../auth/users.service';
import type { Role } from '../auth/actor';
import { importParsedRows } from '../jurisdictions/jurisdiction-import';
import { jsonItemsToRows } from '../jurisdictions/jurisdiction-rows';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import type { DemoCamera } from './demo-camera-kit';
import { seedDemoFunding } from './demo-funding';
import { seedDemoIncidents } from './demo-incidents';
import { hanoiCameras, ownerDemoCameras } from './demo-hanoi';
import { haTinhCameras } from './demo-hatinh';
import { demoPlaceItems, demoPlaces } from './demo-places';
import { seedDemoRoads } from './demo-roads';
import { seedDemoSites } from './demo-sites';

// The demo data set (`matthan serve --demo`): the article's places, cameras and figures, and
// one account per role. Every step skips what is already there, so seeding twice changes
// nothing and a seed interrupted half-way completes on the next start.

export const DEMO_PASSWORD = 'matthan-demo';

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  unitName: string;
}

interface AccountSpec {
  username: string;
  displayName: string;
  role: Role;
  /** Code of today's unit; null for the administrator, who has none. */
  unitCode: string | null;
}

const accountSpecs: AccountSpec[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', unitCode: null },
  {
    username: 'police.xuandinh',
    displayName: 'Công an phường Xuân Đỉnh',
    role: 'ward_police',
    unitCode: '00611',
  },
  {
    username: 'leader.tanxuan1',
    displayName: 'Tổ trưởng tổ dân phố Tân Xuân 1',
    role: 'ward_official',
    unitCode: '00611-TX1',
  },
  {
    username: 'official.xuandinh',
    displayName: 'Cán bộ UBND phường Xuân Đỉnh',
    role: 'ward_official',
    unitCode: '00611',
  },
  {
    username: 'owner.demo',
    displayName: 'Nguyễn Thị Lan',
    role: 'camera_owner',
    unitCode: '00611-TX1',
  },
  {
    username: 'police.hanoi',
    displayName: 'Công an thành phố Hà Nội',
    role: 'provincial_police',
    unitCode: '01',
  },
  // Thạch Trị's villages belong to xã Đồng Tiến since the reform; its police keep the name.
  {
    username: 'police.thachtri',
    displayName: 'Công an xã Đồng Tiến (xã Thạch Trị cũ)',
    role: 'ward_police',
    unitCode: '18505',
  },
  {
    username: 'auditor.hanoi',
    displayName: 'Thanh tra thành phố Hà Nội',
    role: 'auditor',
    unitCode: '01',
  },
];

/** Households and shops of thành phố Hà Tĩnh turned to the street (the article says 1,000+). */
const haTinhPremisesCameras = 1000;

interface DemoUnit {
  id: string;
  name: string;
  kind: string;
}

/** Today's unit for every demo code (old codes are reused by the units that replaced them). */
async function currentDemoUnits(ctx: AppContext): Promise<(code: string) => DemoUnit> {
  const today = vietnamDate(ctx.now());
  const codes = [...new Set(demoPlaces.map((p) => p.code))];
  const rows = await ctx.db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'name', 'kind'])
    .where('code', 'in', codes)
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .execute();
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return (code) => {
    const unit = byCode.get(code);
    if (!unit) throw new Error(`demo unit ${code} is missing or not current`);
    return unit;
  };
}

/**
 * Creates the demo accounts that do not exist yet. An account that already exists is left
 * as it is (its password may no longer be the demo one).
 */
async function seedAccounts(
  ctx: AppContext,
  unitOf: (code: string) => DemoUnit,
): Promise<{ accounts: DemoAccount[]; ownerId: string }> {
  const existing = await ctx.db.kysely
    .selectFrom('users')
    .select(['id', 'username'])
    .where(
      'username',
      'in',
      accountSpecs.map((a) => a.username),
    )
    .execute();
  const ids = new Map(existing.map((u) => [u.username, u.id]));
  const accounts: DemoAccount[] = [];
  for (const spec of accountSpecs) {
    const unit = spec.unitCode ? unitOf(spec.unitCode) : null;
    if (!ids.has(spec.username)) {
      const input = {
        username: spec.username,
        displayName: spec.displayName,
        password: DEMO_PASSWORD,
        role: spec.role,
        jurisdictionId: unit?.id ?? null,
      };
      ids.set(spec.username, (await createUser(ctx, input, null)).id);
    }
    accounts.push({
      username: spec.username,
      password: DEMO_PASSWORD,
      role: spec.role,
      unitName: unit ? `${unit.kind} ${unit.name}` : 'toàn hệ thống',
    });
  }
  const ownerId = ids.get('owner.demo');
  if (!ownerId) throw new Error('the owner.demo account was not created');
  return { accounts, ownerId };
}

/** Registers the cameras whose codes are not taken yet, a few hundred per transaction. */
async function seedCameras(ctx: AppContext, cameras: DemoCamera[]): Promise<void> {
  const taken = new Set<string>();
  const codes = cameras.map((c) => c.code);
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await ctx.db.kysely
      .selectFrom('cameras')
      .select('code')
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const row of rows) taken.add(row.code);
  }
  const missing = cameras.filter((c) => !taken.has(c.code));
  for (let i = 0; i < missing.length; i += 500)
    await createCameras(ctx, null, missing.slice(i, i + 500));
}

export async function seedDemo(ctx: AppContext): Promise<{ accounts: DemoAccount[] }> {
  await importParsedRows(ctx, null, jsonItemsToRows(demoPlaceItems()), 'json', 'skip');
  const unitOf = await currentDemoUnits(ctx);
  const { accounts, ownerId } = await seedAccounts(ctx, unitOf);
  const unitId = (code: string) => unitOf(code).id;
  await seedCameras(ctx, [
    ...hanoiCameras(unitId, ctx.config.simPort),
    ...ownerDemoCameras(unitId, ownerId, ctx.config.simPort),
    ...haTinhCameras(unitId, haTinhPremisesCameras),
  ]);
  // Streets before sites (the coverage target measures them), sites before money (expenses
  // link to them).
  await seedDemoRoads(ctx);
  await seedDemoSites(ctx);
  await seedDemoFunding(ctx);
  // Cases last: they are placed by the streets and cameras above and credited to their footage.
  await seedDemoIncidents(ctx);
  return { accounts };
}
