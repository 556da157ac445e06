// The analytics benchmark: a province of 3,000 units (30 districts of 99 wards), 100,000
// cameras and 1,000,000 cases over 18 months, a share of them with footage requests and
// evidence, in a fresh SQLite database. The data are written by the database itself from a
// deterministic formula (a recursive row generator), in one transaction per table. Then the
// dashboard of the province and of one ward, p95 over 20 runs each after a warm-up; before that,
// the province's figures from the rollup are checked against counting every case. The last line
// is one JSON object.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { Actor } from '../src/auth/actor';
import { dashboard } from '../src/analytics/dashboard.service';
import { createContext } from '../src/platform/bootstrap';
import { testConfig } from '../src/platform/config';
import type { AppContext } from '../src/platform/context';

const districts = 30;
const wardsPerDistrict = 99;
const cameraCount = 100_000;
const incidentCount = 1_000_000;
const firstMonth = '2025-05';
const months = 18;
const runs = 20;
const startMs = Date.parse(`${firstMonth}-01T00:00:00+07:00`);
const spanMinutes = Math.floor((Date.parse('2026-11-01T00:00:00+07:00') - startMs) / 60_000);
/** The last twelve whole months of the data. */
const period = { from: '2025-11-01', to: '2026-10-31' };

const admin: Actor = {
  id: 'bench',
  username: 'bench',
  displayName: 'bench',
  role: 'admin',
  jurisdictionId: null,
  scopePath: null,
  via: 'session',
};

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function seedUnits(ctx: AppContext): Promise<void> {
  const now = new Date().toISOString();
  const unit = (
    id: string,
    code: string,
    name: string,
    level: string,
    parent: string | null,
    path: string,
    lat: number,
    lng: number,
  ) => ({
    id,
    code,
    name,
    search_text: name.toLowerCase(),
    level: level as 'commune',
    kind: level,
    parent_id: parent,
    path,
    valid_from: '2020-01-01',
    valid_to: null,
    successor_id: null,
    latitude: lat,
    longitude: lng,
    boundary: null,
    population: 10_000 + ((code.length * 7919) % 20_000),
    created_at: now,
  });
  const rows = [unit('p', '01', 'Tỉnh', 'province', null, '/p/', 21, 105.8)];
  await sql`create table bench_wards (idx integer primary key, id text, path text, lat real, lng real)`.execute(
    ctx.db.kysely,
  );
  const wards: { idx: number; id: string; path: string; lat: number; lng: number }[] = [];
  for (let d = 0; d < districts; d++) {
    const district = `d${d}`;
    rows.push(
      unit(
        district,
        String(100 + d),
        `Huyện ${d + 1}`,
        'district',
        'p',
        `/p/${district}/`,
        21,
        105.8,
      ),
    );
    for (let w = 0; w < wardsPerDistrict; w++) {
      const id = `w${d}-${w}`;
      // Wards on a 0.3° × 0.4° grid, each about 0.006° across.
      const idx = wards.length;
      const lat = 20.9 + Math.floor(idx / 60) * 0.006;
      const lng = 105.6 + (idx % 60) * 0.006;
      rows.push(
        unit(
          id,
          String(10000 + idx),
          `Phường ${idx + 1}`,
          'commune',
          district,
          `/p/${district}/${id}/`,
          lat,
          lng,
        ),
      );
      wards.push({ idx, id, path: `/p/${district}/${id}/`, lat, lng });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db.kysely
      .insertInto('jurisdictions')
      .values(rows.slice(i, i + 500))
      .execute();
  for (let i = 0; i < wards.length; i += 500) {
    const part = wards.slice(i, i + 500);
    await sql`insert into bench_wards (idx, id, path, lat, lng) values ${sql.join(part.map((w) => sql`(${w.idx}, ${w.id}, ${w.path}, ${w.lat}, ${w.lng})`))}`.execute(
      ctx.db.kysely,
    );
  }
}

const numbers = (n: number) =>
  sql`with recursive n(k) as (select 0 union all select k + 1 from n where k < ${n - 1})`;

async function seedCameras(ctx: AppContext): Promise<void> {
  const wards = districts * wardsPerDistrict;
  await sql`${numbers(cameraCount)}
    insert into cameras (id, code, name, search_text, owner_kind, jurisdiction_id, jurisdiction_path,
      latitude, longitude, lat_cell, heading, fov, range_m, status, consent_tier, recording_enabled,
      retention_days, signage_posted, installed_on, created_at, updated_at)
    select 'cam' || k, 'C' || k, 'Camera ' || k, 'camera ' || k,
      case k % 6 when 0 then 'ward' when 1 then 'residential_group' when 2 then 'business'
        when 3 then 'school' else 'household' end,
      w.id, w.path, w.lat + (k % 97) * 0.00006, w.lng + (k % 89) * 0.00006,
      cast((w.lat + (k % 97) * 0.00006) * 100 as integer), (k * 37) % 360, 90, 40,
      case k % 10 when 0 then 'planned' when 1 then 'offline' when 2 then 'installed'
        when 3 then 'decommissioned' else 'online' end,
      case k % 4 when 0 then 'registry_only' when 1 then 'on_request' when 2 then 'live_on_alarm'
        else 'live_always' end,
      case when k % 20 = 5 then 1 else 0 end, 30, 0,
      case when k % 10 = 0 then null
        else date('2024-01-01', '+' || ((k * 7919) % 1030) || ' days') end,
      '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'
    from n join bench_wards w on w.idx = (k * 7) % ${wards}`.execute(ctx.db.kysely);
}

async function seedIncidents(ctx: AppContext): Promise<void> {
  const wards = districts * wardsPerDistrict;
  // Minutes after the start, spread by a multiplicative hash; solve times up to 30 days.
  await sql`${numbers(incidentCount)},
    c(k, ward, at, solve) as (
      select k, (k * 104729) % ${wards}, ${startMs} + ((k * 2654435761) % ${spanMinutes}) * 60000,
        ((k * 40503) % 43200) * 60000 from n)
    insert into incidents (id, case_number, unit_id, jurisdiction_path, case_year, case_seq, type,
      description, latitude, longitude, from_ms, to_ms, status, opened_at, resolved_at,
      footage_helped, resolution, candidate_cameras, created_at, updated_at)
    select 'i' || k, 'B-' || k, w.id, w.path, 2025, k,
      case k % 7 when 0 then 'theft' when 1 then 'snatch_robbery' when 2 then 'burglary'
        when 3 then 'robbery' when 4 then 'theft' when 5 then 'traffic_accident' else 'other' end,
      'Vụ việc ' || k, w.lat + (k % 53) * 0.0001, w.lng + (k % 59) * 0.0001, at, at + 600000,
      case when k % 10 < 4 then 'solved' when k % 10 < 6 then 'unsolved' else 'open' end,
      strftime('%Y-%m-%dT%H:%M:%fZ', at / 1000.0 + 3600, 'unixepoch'),
      case when k % 10 < 6 then strftime('%Y-%m-%dT%H:%M:%fZ', (at + solve) / 1000.0, 'unixepoch') end,
      case when k % 10 < 6 then (case when k % 3 = 0 then 0 else 1 end) end,
      case when k % 10 < 4 then 'solved' when k % 10 < 6 then 'unsolved' end,
      k % 5, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'
    from c join bench_wards w on w.idx = c.ward`.execute(ctx.db.kysely);
  // Footage requests for two cases in five that had candidates; evidence for one in four.
  await sql`insert into footage_requests (id, incident_id, camera_id, from_ms, to_ms, reason,
      deadline_at, status, created_at, updated_at)
    select 'r' || rowid, id, 'cam' || ((rowid * 31) % ${sql.lit(cameraCount)}), from_ms, to_ms, 'Bench',
      '2025-01-02T00:00:00.000Z',
      case rowid % 5 when 0 then 'pending' when 1 then 'approved' when 2 then 'declined'
        when 3 then 'fulfilled' else 'cancelled' end,
      '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'
    from incidents where candidate_cameras > 0 and rowid % 5 < 2`.execute(ctx.db.kysely);
  await sql`insert into evidence_items (id, incident_id, kind, source, file_name, stored_path, mime,
      bytes, sha256, collected_at)
    select 'e' || rowid, id, case rowid % 3 when 0 then 'upload' else 'extract' end, '{}',
      'clip.mp4', 'evidence/clip.mp4', 'video/mp4', 1, '', '2025-01-01T00:00:00.000Z'
    from incidents where rowid % 4 = 1`.execute(ctx.db.kysely);
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]!;
}

async function timed(ctx: AppContext, unitId: string): Promise<number[]> {
  const times: number[] = [];
  await dashboard(ctx, admin, { unitId, ...period });
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await dashboard(ctx, admin, { unitId, ...period });
    times.push(performance.now() - start);
  }
  return times;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** `ANALYTICS_BENCH_DIR=dir` keeps the seeded database there and reuses it on the next run. */
const keptDir = process.env.ANALYTICS_BENCH_DIR;

async function main(): Promise<void> {
  const dataDir = keptDir ?? mkdtempSync(join(tmpdir(), 'matthan-bench-'));
  const seeded = keptDir !== undefined && existsSync(join(keptDir, 'seeded'));
  const ctx = await createContext(testConfig({ dataDir }));
  const units = districts * wardsPerDistrict + districts + 1;
  try {
    let started = performance.now();
    if (!seeded) {
      await seedUnits(ctx);
      await seedCameras(ctx);
      console.log(`seeded ${units} units and ${cameraCount} cameras in ${seconds(started)} s`);
      started = performance.now();
      await seedIncidents(ctx);
      console.log(
        `seeded ${incidentCount} cases with requests and evidence in ${seconds(started)} s`,
      );
      await sql`analyze`.execute(ctx.db.kysely);
      if (keptDir !== undefined) writeFileSync(join(keptDir, 'seeded'), '');
    }

    started = performance.now();
    const fromRollup = await dashboard(ctx, admin, { unitId: 'p', ...period });
    console.log(
      `built the monthly rollup (${months} months) and the first dashboard in ${seconds(started)} s`,
    );
    started = performance.now();
    const fromCases = await dashboard(ctx, admin, { unitId: 'p', ...period }, 'cases');
    const same = isDeepStrictEqual(
      { ...fromRollup, generatedAt: '' },
      { ...fromCases, generatedAt: '' },
    );
    if (!same) throw new Error('the rollup and the cases disagree for the province');
    console.log(
      `rollup and cases agree for the province (${fromCases.incidents.total} cases in the period; ` +
        `counting every case took ${seconds(started)} s)`,
    );

    const province = await timed(ctx, 'p');
    const ward = await timed(ctx, 'w7-42');
    console.log(
      `province: ${runs} runs, p50 ${round(province.sort((a, b) => a - b)[runs / 2]!)} ms; ward: p50 ${round(ward.sort((a, b) => a - b)[runs / 2]!)} ms`,
    );
    console.log(
      JSON.stringify({
        bench: 'analytics',
        incidents: incidentCount,
        cameras: cameraCount,
        units,
        province_p95_ms: round(p95(province)),
        ward_p95_ms: round(p95(ward)),
      }),
    );
  } finally {
    await ctx.db.close();
    if (keptDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
