import { insertDonations, insertExpenses } from '../funding/campaign.repo';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import type { CampaignTable, DonationTable, ExpenseTable } from '../platform/db/schema';
import { householdOwner } from './demo-camera-kit';
import { thachHaCommunes, thachTriVillages } from './demo-places-hatinh';
import { seededRandom, type Random } from './demo-random';

// The demo's community funding, from the article: xã Thạch Trị raised ~150 million VND in two
// months for 16 cameras in its 7 villages (July–August 2020; the demo installs them in
// September–October 2020), huyện Thạch Hà's 3.5 billion VND programme for 336 cameras in all
// 22 communes (done 11/2020, Thạch Trị's money included), and phường Xuân Đỉnh's campaign for
// its agreed sites still waiting for money, in progress today. Banks are real VietQR BINs;
// account numbers, people and receipts are invented. Each campaign is written in one
// transaction under a fixed id, so seeding twice changes nothing.

type Draft = {
  campaign: Omit<CampaignTable, 'unit_id' | 'jurisdiction_path' | 'created_at' | 'updated_at'>;
  unitCode: string;
  donations: Omit<DonationTable, 'campaign_id' | 'created_at' | 'recorded_by'>[];
  expenses: Omit<ExpenseTable, 'campaign_id' | 'created_at' | 'recorded_by' | 'over_balance'>[];
};

interface DemoCameraRow {
  id: string;
  code: string;
  installed_on: string | null;
  status: string;
}

const thachTriTotal = 150_000_000;
const thachHaTotal = 3_500_000_000;
const thachTriPerVillage = [3, 3, 2, 2, 2, 2, 2];
const otherCommunes = thachHaCommunes.filter(([code]) => code !== '18505');

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayIn = (random: Random, from: string, to: string): string =>
  addDays(from, random.integer(0, (Date.parse(to) - Date.parse(from)) / 86_400_000));
const maxDay = (a: string, b: string): string => (a > b ? a : b);
const latest = (cameras: DemoCameraRow[], fallback: string): string =>
  cameras.reduce((max, c) => (c.installed_on && c.installed_on > max ? c.installed_on : max), '') ||
  fallback;
const earliest = (cameras: DemoCameraRow[], fallback: string): string =>
  cameras.reduce<string | null>(
    (min, c) => (c.installed_on && (min === null || c.installed_on < min) ? c.installed_on : min),
    null,
  ) ?? fallback;

/** Household donations in plausible sizes (and a few larger gifts) adding up to `total`. */
function householdDonations(
  random: Random,
  total: number,
  prefix: string,
  when: () => string,
  where: () => string,
  channels: readonly DonationTable['channel'][],
): Draft['donations'] {
  const sizes = [50, 100, 100, 200, 200, 200, 300, 500, 500, 1_000].map((k) => k * 1_000);
  const gifts = [2_000_000, 3_000_000, 5_000_000, 10_000_000];
  const donations: Draft['donations'] = [];
  for (let left = total; left > 0;) {
    const amount = Math.min(left, random.next() < 0.04 ? random.pick(gifts) : random.pick(sizes));
    const roll = random.next();
    const named = roll < 0.75;
    donations.push({
      id: `${prefix}-d${String(donations.length + 1).padStart(4, '0')}`,
      donor_name: named ? householdOwner(random) : null,
      donor_public: roll < 0.55 ? 1 : 0,
      amount_vnd: amount,
      donated_on: when(),
      channel: random.pick(channels),
      receipt_number: `${prefix.toUpperCase()}-BL${String(donations.length + 1).padStart(4, '0')}`,
      note: where(),
    });
    left -= amount;
  }
  return donations;
}

const expense = (
  id: string,
  fields: Pick<ExpenseTable, 'item' | 'supplier' | 'amount_vnd' | 'spent_on'>,
  cameras: DemoCameraRow[],
): Draft['expenses'][number] => ({
  id,
  ...fields,
  camera_ids: JSON.stringify(cameras.map((c) => c.id)),
  site_ids: '[]',
  receipt_number: `${id.toUpperCase()}`,
  note: null,
});

function thachTri(cameras: Map<string, DemoCameraRow>): Draft {
  const random = seededRandom('thach-tri-funding');
  const villages = thachTriVillages.map(([code, name]) => ({ code, name }));
  const donations = householdDonations(
    random,
    thachTriTotal,
    'tt2020',
    () => dayIn(random, '2020-07-01', '2020-08-31'),
    () => `Thôn ${random.pick(villages).name}, thu qua trưởng thôn`,
    ['cash', 'cash', 'cash', 'cash', 'bank_transfer'],
  );
  const perCamera = thachTriTotal / 16;
  const expenses = villages.map(({ code, name }, index) => {
    const count = thachTriPerVillage[index]!;
    const batch = Array.from({ length: count }, (_, n) =>
      cameras.get(`TT-${code.slice(-2)}-${n + 1}`),
    ).filter((c): c is DemoCameraRow => c !== undefined);
    return expense(
      `tt2020-pc${index + 1}`,
      {
        item: `Mua và lắp đặt ${count} camera giám sát thôn ${name}`,
        supplier: 'Viettel Hà Tĩnh',
        amount_vnd: perCamera * count,
        spent_on: latest(batch, '2020-09-20'),
      },
      batch,
    );
  });
  return {
    unitCode: '18505',
    campaign: {
      id: 'demo-campaign-thach-tri',
      name: 'Camera an ninh 7 thôn xã Thạch Trị',
      description:
        'Khoảng 5.000 người dân xã Thạch Trị (nay thuộc xã Đồng Tiến) quyên góp gần 150 triệu ' +
        'đồng trong 2 tháng để lắp 16 camera giám sát tại 7 thôn.',
      goal_vnd: thachTriTotal,
      starts_on: '2020-07-01',
      ends_on: '2020-08-31',
      bank_bin: '970405',
      bank_name: 'Agribank chi nhánh Thạch Hà',
      account_number: '3708205103328',
      account_name: 'UBND XA THACH TRI',
      status: 'closed',
      created_by: null,
    },
    donations,
    expenses,
  };
}

function thachHa(cameras: Map<string, DemoCameraRow>): Draft {
  const all = [...cameras.values()];
  const perCamera = (thachHaTotal - thachTriTotal) / (336 - 16);
  const communes = thachHaCommunes.map(([code, name, kind]) => {
    const index = otherCommunes.findIndex(([other]) => other === code);
    const count = index < 0 ? 16 : Math.floor(320 / 21) + (index < 320 % 21 ? 1 : 0);
    const prefix = index < 0 ? 'TT-' : `TH-${code}-`;
    return {
      code,
      label: `${kind} ${name}`,
      count,
      amount: index < 0 ? thachTriTotal : count * perCamera,
      batch: all.filter((c) => c.code.startsWith(prefix)),
    };
  });
  return {
    unitCode: '42',
    campaign: {
      id: 'demo-campaign-thach-ha',
      name: 'Phủ kín camera an ninh huyện Thạch Hà (22/22 xã)',
      description:
        'Chương trình của huyện Thạch Hà (cũ): 336 camera ở cả 22 xã, thị trấn, tổng 3,5 tỷ ' +
        'đồng từ nguồn xã hội hóa, hoàn thành tháng 11/2020. Gồm cả 150 triệu đồng nhân dân ' +
        'xã Thạch Trị quyên góp (xem chiến dịch riêng của xã).',
      goal_vnd: thachHaTotal,
      starts_on: '2020-01-15',
      ends_on: '2020-11-30',
      bank_bin: '970418',
      bank_name: 'BIDV Hà Tĩnh',
      account_number: '54010000733921',
      account_name: 'UBND HUYEN THACH HA',
      status: 'closed',
      created_by: null,
    },
    donations: communes.map((c, i) => ({
      id: `th2020-d${String(i + 1).padStart(2, '0')}`,
      donor_name: `Nhân dân ${c.label}`,
      donor_public: 1,
      amount_vnd: c.amount,
      // Each commune's money arrives three weeks before its first camera goes up.
      donated_on: maxDay(addDays(earliest(c.batch, '2020-03-01'), -21), '2020-01-15'),
      channel: 'bank_transfer',
      receipt_number: `TH2020-BL${String(i + 1).padStart(2, '0')}`,
      note: `Quỹ vận động của ${c.label} chuyển về huyện`,
    })),
    expenses: communes.map((c, i) =>
      expense(
        `th2020-pc${String(i + 1).padStart(2, '0')}`,
        {
          item: `Lắp đặt ${c.count} camera an ninh ${c.label}`,
          supplier: i % 2 === 0 ? 'Viettel Hà Tĩnh' : 'VNPT Hà Tĩnh',
          amount_vnd: c.amount,
          spent_on: latest(c.batch, '2020-11-15'),
        },
        c.batch,
      ),
    ),
  };
}

function xuanDinh(cameras: Map<string, DemoCameraRow>, today: string): Draft {
  const random = seededRandom('xuan-dinh-funding');
  const start = addDays(today, -40);
  const donations = householdDonations(
    random,
    286_500_000,
    'xd',
    () => dayIn(random, start, today),
    () => random.pick(['Tổ dân phố Tân Xuân 1', 'Tổ dân phố Tân Xuân 2', 'Đường Xuân Đỉnh']),
    ['cash', 'bank_transfer', 'vietqr', 'vietqr'],
  );
  const waiting = [...cameras.values()]
    .filter((c) => /^XD-\d{3}$/.test(c.code) && c.status === 'planned')
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, 8);
  return {
    unitCode: '00611',
    campaign: {
      id: 'demo-campaign-xuan-dinh',
      name: 'Phủ kín camera các điểm đã thống nhất phường Xuân Đỉnh',
      description:
        'Phường đã khảo sát và thống nhất 120 vị trí lắp camera trên 5 tuyến đường chính, đã ' +
        'lắp hơn 60. Vận động nhân dân, doanh nghiệp ủng hộ để lắp nốt 60 điểm còn lại.',
      goal_vnd: 720_000_000,
      starts_on: start,
      ends_on: addDays(today, 80),
      bank_bin: '970436',
      bank_name: 'Vietcombank chi nhánh Thăng Long',
      account_number: '0451000472918',
      account_name: 'UBND PHUONG XUAN DINH',
      status: 'active',
      created_by: null,
    },
    donations,
    expenses: [
      expense(
        'xd-pc1',
        {
          item: 'Khảo sát, đo đạc 60 vị trí chờ lắp',
          supplier: 'Công ty TNHH Thiết bị An ninh Thăng Long',
          amount_vnd: 6_000_000,
          spent_on: addDays(today, -30),
        },
        [],
      ),
      expense(
        'xd-pc2',
        {
          item: 'Mua 8 camera 4MP cho các điểm chờ kinh phí',
          supplier: 'Công ty TNHH Thiết bị An ninh Thăng Long',
          amount_vnd: 8 * 12_000_000,
          spent_on: addDays(today, -7),
        },
        waiting,
      ),
    ],
  };
}

async function currentUnit(ctx: AppContext, code: string, today: string) {
  return ctx.db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'path'])
    .where('code', '=', code)
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .executeTakeFirst();
}

async function seedCampaign(ctx: AppContext, draft: Draft, today: string): Promise<void> {
  const exists = await ctx.db.kysely
    .selectFrom('campaigns')
    .select('id')
    .where('id', '=', draft.campaign.id)
    .executeTakeFirst();
  const unit = await currentUnit(ctx, draft.unitCode, today);
  if (exists || !unit) return;
  const at = ctx.now().toISOString();
  const campaignId = draft.campaign.id;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('campaigns')
      .values({
        ...draft.campaign,
        unit_id: unit.id,
        jurisdiction_path: unit.path,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const entry = { campaign_id: campaignId, created_at: at, recorded_by: null };
    await insertDonations(
      trx,
      draft.donations.map((d) => ({ ...d, ...entry })),
    );
    // Entered after every donation, so none overdraws (the books were kept that way).
    await insertExpenses(
      trx,
      draft.expenses.map((e) => ({ ...e, ...entry, over_balance: 0 })),
    );
  });
  await ctx.audit.record({
    actor: null,
    action: 'campaign.seed',
    targetType: 'campaign',
    targetId: campaignId,
    jurisdictionPath: unit.path,
    details: { donations: draft.donations.length, expenses: draft.expenses.length },
  });
}

/** Seeds the demo campaigns that are not there yet; call after the demo cameras. */
export async function seedDemoFunding(ctx: AppContext): Promise<void> {
  const today = vietnamDate(ctx.now());
  const rows = await ctx.db.kysely
    .selectFrom('cameras')
    .select(['id', 'code', 'installed_on', 'status'])
    .where((eb) =>
      eb.or([eb('code', 'like', 'TT-%'), eb('code', 'like', 'TH-%'), eb('code', 'like', 'XD-%')]),
    )
    .execute();
  const cameras = new Map(rows.map((row) => [row.code, row]));
  for (const draft of [thachTri(cameras), thachHa(cameras), xuanDinh(cameras, today)])
    await seedCampaign(ctx, draft, today);
}
