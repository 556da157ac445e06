import { unitAtPoint } from '../incidents/unit-at-point';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import type { PlannedSiteStatus, PlannedSiteTable } from '../platform/db/schema';
import { addDays } from '../planning/projection';
import { dateColumn, siteStatuses } from '../planning/site-lifecycle';
import { insertSite } from '../planning/sites.repo';
import { insertTarget } from '../planning/targets.repo';

// Demo planning data: phường Xuân Đỉnh's next camera sites at every stage of the lifecycle
// (some placed by the suggestions), and the targets the article's places set themselves. Sites
// and targets have fixed ids, so seeding twice changes nothing.

interface DemoSite {
  id: string;
  name: string;
  /**
   * A demo camera's code (`demo-hanoi.ts` numbers the ward's 120 road sites XD-001…XD-120, some
   * installed, the rest planned): the site stands where that camera is or will be.
   */
  cameraCode?: string;
  at?: { latitude: number; longitude: number; heading: number };
  status: PlannedSiteStatus;
  /** Days before today the site was proposed; later steps follow a few weeks apart. */
  proposedDaysAgo: number;
  source: 'manual' | 'suggestion';
  responsibleName: string;
  notes: string;
}

const demoSites: DemoSite[] = [
  {
    id: 'demo-site-01',
    name: 'Đường Xuân Đỉnh — trước chợ',
    cameraCode: 'XD-026',
    status: 'connected',
    proposedDaysAgo: 150,
    source: 'manual',
    responsibleName: 'Công an phường Xuân Đỉnh',
    notes: 'Đã nối vào hệ thống, xem trực tiếp được.',
  },
  {
    id: 'demo-site-02',
    name: 'Đường Phạm Văn Đồng — nút giao Tân Xuân',
    cameraCode: 'XD-002',
    status: 'installed',
    proposedDaysAgo: 120,
    source: 'manual',
    responsibleName: 'Tổ trưởng Tân Xuân 1',
    notes: 'Đã lắp, chờ cấu hình đường truyền.',
  },
  {
    id: 'demo-site-03',
    name: 'Đường Võ Chí Công — lối vào khu đô thị',
    cameraCode: 'XD-049',
    status: 'funded',
    proposedDaysAgo: 100,
    source: 'manual',
    responsibleName: 'Ban vận động xã hội hóa',
    notes: 'Đủ kinh phí từ đợt vận động quý này.',
  },
  {
    id: 'demo-site-04',
    name: 'Đường Xuân La — cổng trường',
    cameraCode: 'XD-073',
    status: 'agreed',
    proposedDaysAgo: 80,
    source: 'manual',
    responsibleName: 'Trường THCS Xuân Đỉnh',
    notes: 'Nhà trường đồng ý cho gắn trên cột cổng.',
  },
  {
    id: 'demo-site-05',
    name: 'Đường Tân Xuân — đầu ngõ 84',
    cameraCode: 'XD-097',
    status: 'agreed',
    proposedDaysAgo: 70,
    source: 'manual',
    responsibleName: 'Tổ trưởng Tân Xuân 2',
    notes: 'Thống nhất vị trí tại họp tổ dân phố.',
  },
  {
    id: 'demo-site-06',
    name: 'Ngõ 27 Xuân Đỉnh — khúc cua',
    at: { latitude: 21.0772, longitude: 105.7864, heading: 10 },
    status: 'surveyed',
    proposedDaysAgo: 45,
    source: 'suggestion',
    responsibleName: 'Tổ trưởng Tân Xuân 1',
    notes: 'Gợi ý của hệ thống: đoạn ngõ chưa camera nào nhìn thấy.',
  },
  {
    id: 'demo-site-07',
    name: 'Ngõ 59 Tân Xuân — cuối ngõ',
    at: { latitude: 21.0766, longitude: 105.7897, heading: 220 },
    status: 'surveyed',
    proposedDaysAgo: 40,
    source: 'manual',
    responsibleName: 'Tổ trưởng Tân Xuân 1',
    notes: 'Cần xin phép hộ gia đình số 12 để đi dây.',
  },
  {
    id: 'demo-site-08',
    name: 'Ngõ 193 Phú Diễn — lối tắt',
    at: { latitude: 21.0702, longitude: 105.7838, heading: 95 },
    status: 'proposed',
    proposedDaysAgo: 20,
    source: 'suggestion',
    responsibleName: 'Tổ trưởng Đoài 1',
    notes: 'Gợi ý của hệ thống: nhiều vụ trộm xe trong năm qua.',
  },
  {
    id: 'demo-site-09',
    name: 'Ngõ Trung 1 — sân văn hóa',
    at: { latitude: 21.0736, longitude: 105.7918, heading: 300 },
    status: 'proposed',
    proposedDaysAgo: 12,
    source: 'suggestion',
    responsibleName: 'Tổ trưởng Trung 1',
    notes: 'Gợi ý của hệ thống, chờ khảo sát.',
  },
  {
    id: 'demo-site-10',
    name: 'Đường Xuân Tảo — bãi gửi xe',
    at: { latitude: 21.0668, longitude: 105.7988, heading: 45 },
    status: 'proposed',
    proposedDaysAgo: 5,
    source: 'manual',
    responsibleName: 'Công an phường Xuân Đỉnh',
    notes: 'Người dân phản ánh mất trộm ban đêm.',
  },
];

/** Dates of every step up to `status`, three weeks apart, never after today. */
function stepDates(status: PlannedSiteStatus, proposedDaysAgo: number, today: string) {
  const reached = siteStatuses.indexOf(status);
  const dates: Partial<Record<`${PlannedSiteStatus}_at`, string | null>> = {};
  siteStatuses.forEach((step, i) => {
    const daysAgo = Math.max(0, proposedDaysAgo - 21 * i);
    dates[dateColumn(step)] = i <= reached ? addDays(today, -daysAgo) : null;
  });
  return dates as Record<`${PlannedSiteStatus}_at`, string | null>;
}

async function unitIdByCode(ctx: AppContext, code: string, today: string) {
  return ctx.db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'path'])
    .where('code', '=', code)
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .executeTakeFirst();
}

async function seedSites(ctx: AppContext, today: string): Promise<number> {
  const ward = await unitIdByCode(ctx, '00611', today);
  if (!ward) return 0;
  const existing = new Set(
    (
      await ctx.db.kysely
        .selectFrom('planned_sites')
        .select('id')
        .where(
          'id',
          'in',
          demoSites.map((s) => s.id),
        )
        .execute()
    ).map((row) => row.id),
  );
  const codes = demoSites.flatMap((s) => (s.cameraCode ? [s.cameraCode] : []));
  const cameras = new Map(
    (
      await ctx.db.kysely
        .selectFrom('cameras')
        .select(['id', 'code', 'latitude', 'longitude', 'heading', 'fov', 'range_m', 'cost_vnd'])
        .where('code', 'in', codes)
        .execute()
    ).map((row) => [row.code, row]),
  );
  let added = 0;
  for (const site of demoSites) {
    if (existing.has(site.id)) continue;
    const camera = site.cameraCode ? cameras.get(site.cameraCode) : undefined;
    const at = camera ?? (site.at ? { ...site.at, fov: 90, range_m: 30, cost_vnd: null } : null);
    if (!at) continue;
    const unit = await unitAtPoint(ctx.db, at.latitude, at.longitude, ctx.now());
    const dates = stepDates(site.status, site.proposedDaysAgo, today);
    const installed = siteStatuses.indexOf(site.status) >= siteStatuses.indexOf('installed');
    const row: PlannedSiteTable = {
      id: site.id,
      unit_id: unit?.unitId ?? ward.id,
      jurisdiction_path: unit?.path ?? ward.path,
      name: site.name,
      address: `${site.name.split(' — ')[0]}, phường Xuân Đỉnh`,
      latitude: at.latitude,
      longitude: at.longitude,
      heading: at.heading,
      fov: at.fov,
      range_m: at.range_m,
      status: site.status,
      proposed_at: dates.proposed_at!,
      surveyed_at: dates.surveyed_at,
      agreed_at: dates.agreed_at,
      funded_at: dates.funded_at,
      installed_at: dates.installed_at,
      connected_at: dates.connected_at,
      responsible_name: site.responsibleName,
      responsible_phone: '0900000611',
      notes: site.notes,
      estimated_cost_vnd: camera?.cost_vnd ?? 12_000_000,
      camera_id: installed && camera ? camera.id : null,
      source: site.source,
      created_by: null,
      created_at: ctx.now().toISOString(),
      updated_at: ctx.now().toISOString(),
    };
    await insertSite(ctx.db, row);
    added++;
  }
  return added;
}

const demoTargets = [
  {
    id: 'demo-target-hanoi',
    unitCode: '01',
    metric: 'cameras',
    targetValue: 3000,
    dueOn: '2026-12-31',
    note: 'Theo mô hình quận Bắc Từ Liêm cũ: 3.000 camera an ninh đến năm 2024.',
  },
  {
    id: 'demo-target-xuandinh',
    unitCode: '00611',
    metric: 'coverage_pct',
    targetValue: 90,
    dueOn: '2026-12-31',
    note: 'Phủ kín camera các tuyến phố và ngõ xóm của phường.',
  },
  {
    id: 'demo-target-thachtri',
    unitCode: '18505',
    metric: 'cameras',
    targetValue: 16,
    dueOn: '2020-11-30',
    note: 'Xã Thạch Trị cũ: 16 camera, 150 triệu đồng người dân góp trong hai tháng.',
  },
] as const;

async function seedTargets(ctx: AppContext, today: string): Promise<number> {
  let added = 0;
  for (const target of demoTargets) {
    const taken = await ctx.db.kysely
      .selectFrom('coverage_targets')
      .select('id')
      .where('id', '=', target.id)
      .executeTakeFirst();
    const unit = await unitIdByCode(ctx, target.unitCode, today);
    if (taken || !unit) continue;
    await insertTarget(ctx.db, {
      id: target.id,
      unit_id: unit.id,
      jurisdiction_path: unit.path,
      metric: target.metric,
      target_value: target.targetValue,
      due_on: target.dueOn,
      note: target.note,
      created_by: null,
      created_at: ctx.now().toISOString(),
    });
    added++;
  }
  return added;
}

/** Seeds the demo's planned sites and targets that are not there yet (after units and cameras). */
export async function seedDemoSites(ctx: AppContext): Promise<void> {
  const today = vietnamDate(ctx.now());
  const sites = await seedSites(ctx, today);
  const targets = await seedTargets(ctx, today);
  if (sites + targets === 0) return;
  await ctx.audit.record({
    actor: null,
    action: 'site.seed',
    targetType: 'planned_site',
    details: { sites, targets },
  });
}
