import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoIncidents } from '../../src/demo/demo-incidents';
import {
  monthOf,
  rolloutMonthOf,
  addMonths,
  storyWindow,
} from '../../src/demo/demo-incidents-story';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed';
import { absoluteEvidencePath, sha256File } from '../../src/evidence/evidence-files';
import { custodyEvents } from '../../src/evidence/custody.service';
import { verifyCustody } from '../../src/evidence/custody-chain';
import { incidentFinder } from '../../src/incidents/finder.service';
import { vietnamYear } from '../../src/incidents/incident-input';
import type { IncidentTable } from '../../src/platform/db/schema';
import { describeEachDatabase, type Harness } from '../helpers/harness';

// The demo's cases on both databases: the article's story (100+ theft and robbery cases in
// Bắc Từ Liêm over 18 months, most solved through footage, fewer cases after Xuân Đỉnh's
// cameras went in), facts consistent with the funnel's definitions, and a second seed that
// changes nothing.

const theftAndRobbery = ['theft', 'snatch_robbery', 'burglary', 'robbery'];
const hours = (row: IncidentTable) =>
  (Date.parse(row.resolved_at!) - Number(row.from_ms)) / 3_600_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describeEachDatabase('demo incidents', (harness) => {
  let h: Harness;
  let cases: (IncidentTable & { unit_code: string })[];
  let bacTuLiem: string[];

  const count = async (
    table: 'incidents' | 'footage_requests' | 'evidence_items' | 'audit_events',
  ) =>
    Number(
      (
        await h.ctx.db.kysely
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Today's units that took over Bắc Từ Liêm's wards after the 2025 reform. */
  async function bacTuLiemWards(): Promise<string[]> {
    const rows = await h.ctx.db.kysely
      .selectFrom('jurisdictions as ward')
      .innerJoin('jurisdictions as district', 'district.id', 'ward.parent_id')
      .innerJoin('jurisdictions as today', 'today.id', 'ward.successor_id')
      .select('today.code')
      .distinct()
      .where('district.code', '=', '021')
      .execute();
    return rows.map((row) => row.code).sort();
  }

  beforeAll(async () => {
    h = harness();
    await seedDemo(h.ctx);
    await seedDemoIncidents(h.ctx);
    bacTuLiem = await bacTuLiemWards();
    const rows = await h.ctx.db.kysely
      .selectFrom('incidents')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'incidents.unit_id')
      .selectAll('incidents')
      .select('jurisdictions.code as unit_code')
      .execute();
    cases = rows.map((row) => ({ ...row, from_ms: Number(row.from_ms), to_ms: Number(row.to_ms) }));
  }, 180_000);

  const inStoryWindow = () => {
    const { first, last } = storyWindow(monthOf(h.ctx.now().getTime()));
    return cases.filter((row) => {
      const month = monthOf(row.from_ms);
      return bacTuLiem.includes(row.unit_code) && month >= first && month <= last;
    });
  };

  it('gives Bắc Từ Liêm’s wards 100+ theft and robbery cases over the 18 months to last month', () => {
    expect(bacTuLiem).toEqual(['00166', '00602', '00611']);
    const story = inStoryWindow();
    const thefts = story.filter((row) => theftAndRobbery.includes(row.type));
    expect(thefts.length).toBeGreaterThanOrEqual(100);
    const months = new Set(story.map((row) => monthOf(row.from_ms)));
    expect(months.size).toBe(18);
    expect(story.some((row) => ['public_disorder', 'traffic_accident'].includes(row.type))).toBe(
      true,
    );
    const night = story.filter((row) => {
      const hour = new Date(row.from_ms + 7 * 3_600_000).getUTCHours();
      return hour >= 18 || hour < 6;
    });
    expect(night.length / story.length).toBeGreaterThan(0.5);
  });

  it('solves most of them through footage, and faster than without', () => {
    const story = inStoryWindow();
    const solved = story.filter((row) => row.resolution === 'solved');
    const withFootage = solved.filter((row) => Number(row.footage_helped) === 1);
    const without = solved.filter((row) => Number(row.footage_helped) !== 1);
    const share = withFootage.length / solved.length;
    expect(share).toBeGreaterThanOrEqual(0.6);
    expect(share).toBeLessThanOrEqual(0.85);
    const thefts = story.filter((row) => theftAndRobbery.includes(row.type));
    const theftsByFootage = thefts.filter(
      (row) => row.resolution === 'solved' && Number(row.footage_helped) === 1,
    );
    expect(theftsByFootage.length).toBeGreaterThan(thefts.length / 2);
    expect(median(withFootage.map(hours))).toBeLessThan(median(without.map(hours)) / 3);
    for (const row of withFootage) expect(JSON.parse(row.helped_by!)).not.toContain('none');
    expect(story.some((row) => row.resolution === 'unsolved')).toBe(true);
    expect(cases.some((row) => row.status === 'open' || row.status === 'investigating')).toBe(true);
  });

  it('keeps the funnel from widening: each step within the one before', async () => {
    const requests = await h.ctx.db.kysely.selectFrom('footage_requests').selectAll().execute();
    const items = await h.ctx.db.kysely.selectFrom('evidence_items').selectAll().execute();
    const requested = new Set(
      [
        ...requests.filter((r) => r.status !== 'cancelled'),
        ...items.filter((i) => i.kind === 'extract'),
      ].map((r) => r.incident_id),
    );
    const received = new Set(
      [...requests.filter((r) => r.status === 'fulfilled'), ...items].map((r) => r.incident_id),
    );
    const steps = [
      (row: IncidentTable) => Number(row.candidate_cameras) > 0,
      (row: IncidentTable) => requested.has(row.id),
      (row: IncidentTable) => received.has(row.id),
      (row: IncidentTable) => Number(row.footage_helped) === 1,
      (row: IncidentTable) => row.resolution === 'solved',
    ];
    const counts = [cases.length];
    let chain = cases;
    for (const [index, step] of steps.entries()) {
      // Up to footage used, each condition alone already nests in the one before: no case was
      // given footage without candidates, or credited footage it never received.
      if (index < steps.length - 1)
        expect(cases.filter(step).length).toBe(chain.filter(step).length);
      chain = chain.filter(step);
      counts.push(chain.length);
    }
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
    // Footage that helped always helped solve.
    expect(counts[5]).toBe(counts[4]);
    expect(counts[4]).toBeGreaterThan(counts[0]! / 3);
    expect(counts[1]).toBeLessThan(counts[0]!);
  });

  it('stores as candidate cameras what the finder counts at the place', async () => {
    const sample = cases.filter((_, index) => index % 25 === 0);
    expect(sample.length).toBeGreaterThan(10);
    for (const row of sample) {
      expect(Number(row.candidate_cameras), row.case_number).toBe(
        (await incidentFinder(h.ctx, row)).seeing,
      );
    }
  });

  it('has fewer cases a month in Xuân Đỉnh after its roll-out, not in camera-less Đông Ngạc', async () => {
    const xuanDinh = await h.ctx.db.kysely
      .selectFrom('jurisdictions')
      .select('path')
      .where('code', '=', '00611')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const installed = await h.ctx.db.kysely
      .selectFrom('cameras')
      .select('installed_on')
      .where(sql<string>`substr(jurisdiction_path, 1, ${xuanDinh.path.length})`, '=', xuanDinh.path)
      .execute();
    const rollout = rolloutMonthOf(installed.map((row) => row.installed_on))!;
    const n = 6;
    const rate = (code: string, from: string, to: string) =>
      cases.filter((row) => {
        const month = monthOf(row.from_ms);
        return row.unit_code === code && month >= from && month <= to;
      }).length / n;
    const before = (code: string) => rate(code, addMonths(rollout, -n), addMonths(rollout, -1));
    const after = (code: string) => rate(code, addMonths(rollout, 1), addMonths(rollout, n));
    const dongNgacCameras = await h.ctx.db.kysely
      .selectFrom('cameras')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'cameras.jurisdiction_id')
      .select('cameras.id')
      .where('jurisdictions.code', '=', '00602')
      .execute();
    expect(dongNgacCameras).toEqual([]);
    expect(after('00611')).toBeLessThan(before('00611') * 0.7);
    expect(before('00602')).toBeGreaterThan(0);
    const did = after('00611') - before('00611') - (after('00602') - before('00602'));
    expect(did).toBeLessThan(-2);
  });

  it('tells the story on Xuân Đỉnh’s dashboard over the 18 months', async () => {
    const { first, last } = storyWindow(monthOf(h.ctx.now().getTime()));
    const lastDay = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0));
    const unit = await h.ctx.db.kysely
      .selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', '00611')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/analytics/dashboard?unitId=${unit.id}&from=${first}-01&to=${lastDay.toISOString().slice(0, 10)}`,
      headers: { cookie: await h.login('police.xuandinh', DEMO_PASSWORD) },
    });
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json<{
      empty: boolean;
      funnel: Record<string, number>;
      solvedWithFootageShare: number;
      medianHoursToSolve: { withFootage: number; withoutFootage: number };
      beforeAfter: { treated: { beforeRate: number; afterRate: number }; did: number | null };
    }>();
    expect(board.empty).toBe(false);
    const steps = ['incidents', 'withCandidates', 'requested', 'received', 'used', 'solved'];
    const funnel = steps.map((step) => board.funnel[step]!);
    expect(funnel).toEqual([...funnel].sort((a, b) => b - a));
    expect(board.solvedWithFootageShare).toBeGreaterThanOrEqual(0.6);
    expect(board.medianHoursToSolve.withFootage).toBeLessThan(
      board.medianHoursToSolve.withoutFootage,
    );
    const { treated, did } = board.beforeAfter;
    expect(treated.afterRate).toBeLessThan(treated.beforeRate);
    expect(did).not.toBeNull();
    expect(did!).toBeLessThan(0);
  });

  it('numbers the cases per ward and year, consecutively and uniquely', () => {
    expect(new Set(cases.map((row) => row.case_number)).size).toBe(cases.length);
    const byUnitYear = new Map<string, number[]>();
    for (const row of cases) {
      expect(row.case_year).toBe(vietnamYear(new Date(row.opened_at)));
      const match = /^(\d{5})-(\d{4})-(\d{4})$/.exec(row.case_number);
      expect(match?.slice(1, 3), row.case_number).toEqual([row.unit_code, String(row.case_year)]);
      const key = `${row.unit_id}|${row.case_year}`;
      byUnitYear.set(key, [...(byUnitYear.get(key) ?? []), Number(row.case_seq)]);
    }
    for (const seqs of byUnitYear.values()) {
      expect(seqs.sort((a, b) => a - b)).toEqual(seqs.map((_, i) => i + 1));
    }
  });

  it('gives Thạch Trị a few cases of its own', () => {
    const thachTri = cases.filter((row) => row.unit_code === '18505');
    expect(thachTri.length).toBeGreaterThanOrEqual(3);
    expect(thachTri.length).toBeLessThan(30);
  });

  it('keeps real clips with their hashes and custody for a handful of cases', async () => {
    const items = await h.ctx.db.kysely.selectFrom('evidence_items').selectAll().execute();
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(10);
    for (const item of items) {
      expect(item.kind).toBe('extract');
      expect(await sha256File(absoluteEvidencePath(h.ctx.config, item.stored_path))).toBe(
        item.sha256,
      );
      expect(verifyCustody(await custodyEvents(h.ctx.db, item.id)).ok).toBe(true);
      expect(JSON.parse(item.media!)).toMatchObject({ video: { codec: 'h264' } });
    }
  });

  it('writes one audit event for the seed, and seeding again adds nothing', async () => {
    const events = await h.ctx.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('action', 'in', ['demo.seed_incidents', 'incident.create', 'request.create'])
      .execute();
    expect(events.map((e) => e.action)).toEqual(['demo.seed_incidents']);
    const before = await Promise.all(
      (['incidents', 'footage_requests', 'evidence_items', 'audit_events'] as const).map(count),
    );
    await seedDemoIncidents(h.ctx);
    const after = await Promise.all(
      (['incidents', 'footage_requests', 'evidence_items', 'audit_events'] as const).map(count),
    );
    expect(after).toEqual(before);
  });
});
