import { vietnamYear } from '../incidents/incident-input';
import { insertNumberedIncident } from '../incidents/incident.repo';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import type { FootageRequestTable } from '../platform/db/schema';
import { insertRequests } from '../requests/request.repo';
import { seedDemoExtracts } from './demo-incidents-evidence';
import { planDemoIncidents, type PlannedCase, type WardSpots } from './demo-incidents-plan';
import { camerasUnder, wardSpots, type WardUnit } from './demo-incidents-spots';
import {
  monthOf,
  requestReason,
  rolloutMonthOf,
  storyWards,
  storyWindow,
  wardCodes,
} from './demo-incidents-story';

// The demo's cases (`seedDemoIncidents`): Bắc Từ Liêm's wards get the article's 100+ theft and
// robbery cases over the 18 months ending last month, most solved through footage, plus a year
// of history around Xuân Đỉnh's camera roll-out so the dashboard's before/after has its months;
// Thạch Trị gets a few. Rows are written directly (numbered per ward and year as filing does)
// with one audit event for the whole seed, not one per case. Seeding again changes nothing: the
// audit event marks a finished seed, and a seed cut short resumes by the cases' stable ids.

export const seedAction = 'demo.seed_incidents';
const idPrefix = 'demo-incident-';
/** Cases that get a real extracted clip; the others' footage came through requests. */
const extractedCases = 6;

/** Who files each ward's cases: its police account when the demo has one. */
const filers: Record<string, string> = {
  [wardCodes.xuanDinh]: 'police.xuandinh',
  [wardCodes.thachTri]: 'police.thachtri',
};
const otherFiler = 'police.hanoi';

async function alreadySeeded(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.kysely
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', seedAction)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function wardUnits(ctx: AppContext): Promise<Map<string, WardUnit>> {
  const today = vietnamDate(ctx.now());
  const rows = await ctx.db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'path', 'latitude', 'longitude'])
    .where('code', 'in', Object.values(wardCodes))
    .where('level', '=', 'commune')
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .execute();
  return new Map(rows.map((row) => [row.code, row]));
}

async function filerIds(ctx: AppContext): Promise<Map<string, string>> {
  const rows = await ctx.db.kysely
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', [...Object.values(filers), otherFiler])
    .execute();
  return new Map(rows.map((row) => [row.username, row.id]));
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function requestRows(planned: PlannedCase, filer: string | null): FootageRequestTable[] {
  return planned.requests.map((request) => {
    const decided = iso(request.decidedAtMs);
    return {
      id: request.id,
      incident_id: planned.id,
      camera_id: request.cameraId,
      owner_user_id: request.ownerUserId,
      from_ms: planned.fromMs,
      to_ms: planned.toMs,
      reason: requestReason,
      deadline_at: iso(request.createdAtMs + 3 * 86_400_000)!,
      status: request.status,
      decline_reason: request.declineReason,
      decided_at: decided,
      decided_by: null,
      extraction_state: null,
      extraction_error: null,
      created_by: filer,
      created_at: iso(request.createdAtMs)!,
      updated_at: decided ?? iso(request.createdAtMs)!,
    };
  });
}

/** Writes the cases not there yet (oldest first, so numbers follow the dates) and their requests. */
async function insertCases(
  ctx: AppContext,
  cases: readonly PlannedCase[],
  filerOf: (code: string) => string | null,
): Promise<{ cases: number; requests: number }> {
  const existing = new Set(
    (
      await ctx.db.kysely
        .selectFrom('incidents')
        .select('id')
        .where('id', 'like', `${idPrefix}%`)
        .execute()
    ).map((row) => row.id),
  );
  const existingRequests = new Set(
    (
      await ctx.db.kysely
        .selectFrom('footage_requests')
        .select('id')
        .where('incident_id', 'like', `${idPrefix}%`)
        .execute()
    ).map((row) => row.id),
  );
  let written = 0;
  let requests = 0;
  for (const planned of cases) {
    const { spot } = planned;
    const filer = filerOf(spot.caseUnitCode);
    if (!existing.has(planned.id)) {
      const opened = new Date(planned.openedAtMs);
      const last = [
        planned.closedAtMs,
        planned.resolvedAtMs,
        planned.investigatingAtMs,
        planned.openedAtMs,
      ];
      await insertNumberedIncident(
        ctx.db,
        {
          id: planned.id,
          unit_id: spot.caseUnitId,
          jurisdiction_path: spot.unitPath,
          case_year: vietnamYear(opened),
          type: planned.type,
          description: planned.description,
          latitude: spot.latitude,
          longitude: spot.longitude,
          address: spot.address,
          from_ms: planned.fromMs,
          to_ms: planned.toMs,
          reporter_name: planned.reporterName,
          reporter_phone: planned.reporterPhone,
          status: planned.status,
          opened_at: opened.toISOString(),
          investigating_at: iso(planned.investigatingAtMs),
          resolved_at: iso(planned.resolvedAtMs),
          closed_at: iso(planned.closedAtMs),
          footage_helped: planned.footageHelped,
          helped_by: planned.helpedBy === null ? null : JSON.stringify(planned.helpedBy),
          outcome_note: planned.note,
          resolution: planned.resolution,
          // The finder's `seeing` count at the place, as filing a case there stores it.
          candidate_cameras: spot.seeing.length,
          created_by: filer,
          created_at: opened.toISOString(),
          updated_at: iso(last.find((ms) => ms !== null) ?? planned.openedAtMs)!,
        },
        spot.caseUnitCode,
      );
      written++;
    }
    const missing = requestRows(planned, filer).filter((row) => !existingRequests.has(row.id));
    if (missing.length > 0) await insertRequests(ctx.db, missing);
    requests += missing.length;
  }
  return { cases: written, requests };
}

/** Plans the demo's cases from today's units and cameras; empty when the demo units are missing. */
export async function planSeededIncidents(ctx: AppContext): Promise<PlannedCase[]> {
  const units = await wardUnits(ctx);
  const xuanDinh = units.get(wardCodes.xuanDinh);
  if (!xuanDinh) return [];
  const nowMs = ctx.now().getTime();
  const installed = (await camerasUnder(ctx, xuanDinh.path)).map((row) => row.installed_on);
  const rollout = rolloutMonthOf(installed);
  const wards: WardSpots[] = [];
  for (const story of storyWards(rollout, monthOf(nowMs))) {
    const unit = units.get(story.code);
    if (unit) wards.push({ story, ...(await wardSpots(ctx, unit, story)) });
  }
  return planDemoIncidents({ nowMs, wards, extracts: extractedCases });
}

/**
 * Seeds the demo's cases, their footage requests and a few extracted clips, once; call after
 * the demo's units, accounts and cameras.
 */
export async function seedDemoIncidents(ctx: AppContext): Promise<void> {
  if (await alreadySeeded(ctx)) return;
  const cases = await planSeededIncidents(ctx);
  if (cases.length === 0) return;
  const users = await filerIds(ctx);
  const filerOf = (code: string) => users.get(filers[code] ?? otherFiler) ?? null;
  const written = await insertCases(ctx, cases, filerOf);
  const extracts = await seedDemoExtracts(ctx, cases);
  const window = storyWindow(monthOf(ctx.now().getTime()));
  await ctx.audit.record({
    actor: null,
    action: seedAction,
    targetType: 'incident',
    details: {
      cases: written.cases,
      requests: written.requests,
      extracts,
      storyMonths: `${window.first}..${window.last}`,
      firstCase: iso(cases[0]!.fromMs),
    },
  });
}
