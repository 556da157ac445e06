// The camera finder benchmark: 100,000 cameras over the Hà Nội region in a fresh SQLite
// database, registered through the real service, one camera in twenty recorded by us with an
// hour of ten-second segments. Then the finder (candidate query, coverage query, ranking) at
// random points and windows, against a brute-force scan that reads every camera and tests it in
// JavaScript, in the same run. Both must give the same answer. The last line is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { CameraInput, ConsentTier, OwnerKind } from '../src/cameras/camera.types';
import { findCameras, type FinderCamera, type FinderQuery } from '../src/incidents/finder';
import { candidatesQuery, finderCandidates, recordedCoverage } from '../src/incidents/finder.repo';
import {
  cameraCount,
  communeCount,
  random,
  region,
  registerCameras,
  seedUnits,
} from './bench-registry-seed';
import { createContext } from '../src/platform/bootstrap';
import { testConfig } from '../src/platform/config';
import type { AppContext } from '../src/platform/context';

const segmentMs = 10_000;
const recordedHourMs = 3_600_000;
const nowMs = Date.parse('2025-09-01T12:00:00Z');
const recordedFromMs = nowMs - recordedHourMs;

const rand = random(20_250_901);

function cameraInputs(communeCodes: string[]): CameraInput[] {
  const kinds: OwnerKind[] = ['ward', 'residential_group', 'household', 'household', 'business'];
  const statuses = ['planned', 'installed', 'online', 'online', 'online', 'offline'] as const;
  const tiers: ConsentTier[] = ['registry_only', 'registry_only', 'on_request', 'live_on_alarm'];
  const inputs: CameraInput[] = [];
  for (let i = 0; i < cameraCount; i++) {
    const latitude = region.minLat + rand() * (region.maxLat - region.minLat);
    const longitude = region.minLng + rand() * (region.maxLng - region.minLng);
    const commune = Math.min(
      communeCount - 1,
      Math.floor(((longitude - region.minLng) / (region.maxLng - region.minLng)) * communeCount),
    );
    const recorded = i % 20 === 0;
    inputs.push({
      code: `HN-${String(i).padStart(6, '0')}`,
      name: `Camera ${i}`,
      ownerKind: kinds[i % kinds.length]!,
      jurisdictionCode: communeCodes[commune]!,
      latitude: Math.round(latitude * 1e6) / 1e6,
      longitude: Math.round(longitude * 1e6) / 1e6,
      heading: Math.floor(rand() * 360),
      fov: 60 + Math.floor(rand() * 60),
      // Mostly doorway and street cameras; one in a hundred watches a long stretch of road.
      rangeM: i % 100 === 7 ? 200 + Math.floor(rand() * 400) : 20 + Math.floor(rand() * 60),
      status: recorded ? 'online' : statuses[i % statuses.length]!,
      consentTier: tiers[i % tiers.length]!,
      recordingEnabled: recorded,
      mainStreamUrl: recorded ? `rtsp://admin:pw${i}@10.${i % 250}.0.1/live` : null,
    });
  }
  return inputs;
}

/**
 * An hour of ten-second segments for every recorded camera, built by the database itself. Each
 * camera misses a different two-minute stretch, so windows meet partial coverage.
 */
async function seedSegments(ctx: AppContext): Promise<number> {
  const perCamera = recordedHourMs / segmentMs;
  await sql`
    with recursive n(k) as (select 0 union all select k + 1 from n where k < ${perCamera - 1})
    insert into segments (id, camera_id, stream, start_ms, end_ms, bytes, path, codec, width,
      height, has_audio, state, created_at)
    select c.id || '-' || n.k, c.id, 'main', ${recordedFromMs} + n.k * ${segmentMs},
      ${recordedFromMs} + (n.k + 1) * ${segmentMs}, 2500000,
      'segments/' || c.id || '/' || n.k || '.mp4', 'h264', 1280, 720, 0, 'ok', '2025-09-01'
    from cameras c cross join n
    where c.recording_enabled = 1
      and (n.k - (c.rowid * 37) % ${perCamera}) not between 0 and 11`.execute(ctx.db.kysely);
  const row = await ctx.db.kysely
    .selectFrom('segments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function randomQuery(): FinderQuery {
  const latitude = region.minLat + 0.01 + rand() * (region.maxLat - region.minLat - 0.02);
  const longitude = region.minLng + 0.01 + rand() * (region.maxLng - region.minLng - 0.02);
  // Half an hour, sometimes starting before the recorded hour, so coverage is full or partial.
  const fromMs = recordedFromMs - 10 * 60_000 + Math.floor(rand() * 40) * 60_000;
  return { latitude, longitude, radiusM: 200, fromMs, toMs: fromMs + 30 * 60_000 };
}

const now = new Date(nowMs);

async function finder(ctx: AppContext, query: FinderQuery) {
  const cameras = await finderCandidates(ctx.db, query, now);
  const coverage = await recordedCoverage(
    ctx.db,
    cameras.map((camera) => camera.id),
    query,
  );
  return findCameras(query, cameras, coverage, nowMs);
}

/** Every camera read, every one tested in JavaScript; coverage fetched for those found. */
async function scan(ctx: AppContext, query: FinderQuery) {
  const rows = await ctx.db.kysely
    .selectFrom('cameras')
    .select([
      'id',
      'code',
      'latitude',
      'longitude',
      'heading',
      'fov',
      'range_m',
      'status',
      'owner_kind',
      'consent_tier',
      'consent_expires_at',
      'recording_enabled',
      'main_stream_enc',
    ])
    .execute();
  const cameras: FinderCamera[] = rows.map((row) => ({
    id: row.id,
    code: row.code,
    latitude: row.latitude,
    longitude: row.longitude,
    heading: row.heading,
    fov: row.fov,
    rangeM: row.range_m,
    status: row.status,
    consentTier:
      row.consent_expires_at !== null && row.consent_expires_at <= now.toISOString()
        ? 'registry_only'
        : (row.consent_tier as ConsentTier),
    ownerKind: row.owner_kind,
    recording: row.recording_enabled === 1 && row.main_stream_enc !== null,
  }));
  const first = findCameras(query, cameras, new Map(), nowMs);
  const found = Object.values(first.groups).flatMap((group) => group.map((item) => item.camera));
  const coverage = await recordedCoverage(
    ctx.db,
    found.map((camera) => camera.id),
    query,
  );
  return findCameras(query, found, coverage, nowMs);
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'matthan-bench-'));
  const ctx = await createContext(testConfig({ dataDir }));
  try {
    const communeCodes = await seedUnits(ctx);
    const inputs = cameraInputs(communeCodes);
    await registerCameras(ctx, inputs);
    const started = performance.now();
    const segments = await seedSegments(ctx);
    console.log(
      `indexed ${segments} segments in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await sql`analyze`.execute(ctx.db.kysely);

    const planned = candidatesQuery(ctx.db, randomQuery(), now).compile();
    const plan = await ctx.db.kysely.executeQuery<{ detail: string }>({
      ...planned,
      sql: `explain query plan ${planned.sql}`,
    });
    console.log(`candidate query plan: ${plan.rows.map((row) => row.detail).join('; ')}`);

    // The same answer from both, at every checked point, before anything is timed.
    const found = { seeing: 0, nearby: 0, recorded: 0, partial: 0 };
    const checks = 200;
    for (let i = 0; i < checks; i++) {
      const query = randomQuery();
      const [fast, slow] = [await finder(ctx, query), await scan(ctx, query)];
      if (!isDeepStrictEqual(fast, slow))
        throw new Error(`finder and scan disagree at ${JSON.stringify(query)}`);
      found.seeing += fast.seeing;
      found.nearby += fast.nearby;
      found.recorded += fast.groups.recorded.length;
      found.partial += fast.groups.recorded.filter((item) => item.coverage === 'partial').length;
    }
    console.log(
      `finder and scan agree at ${checks} points; per point: ${(found.seeing / checks).toFixed(1)} seeing, ` +
        `${(found.nearby / checks).toFixed(1)} nearby, ${(found.recorded / checks).toFixed(2)} recorded ` +
        `(${found.partial} partial in all)`,
    );

    // Rounds interleave the two so each meets the same machine load.
    const finderTimes: number[] = [];
    const scanTimes: number[] = [];
    const rounds = 100;
    const warmup = 5;
    for (let r = 0; r < warmup + rounds; r++) {
      for (let i = 0; i < 10; i++) {
        const query = randomQuery();
        const start = performance.now();
        await finder(ctx, query);
        if (r >= warmup) finderTimes.push(performance.now() - start);
      }
      const query = randomQuery();
      const start = performance.now();
      await scan(ctx, query);
      if (r >= warmup) scanTimes.push(performance.now() - start);
    }
    finderTimes.sort((a, b) => a - b);
    scanTimes.sort((a, b) => a - b);
    const p50 = percentile(finderTimes, 0.5);
    const p99 = percentile(finderTimes, 0.99);
    const scanP50 = percentile(scanTimes, 0.5);
    console.log(
      `finder: ${finderTimes.length} runs, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms; ` +
        `scan: ${scanTimes.length} runs, p50 ${scanP50.toFixed(2)} ms, ` +
        `p99 ${percentile(scanTimes, 0.99).toFixed(2)} ms`,
    );
    // Medians, as in the registry benchmark: a shared machine sets both p99s, not the query.
    const summary = {
      bench: 'finder',
      cameras: cameraCount,
      p50_ms: round(p50),
      p99_ms: round(p99),
      scan_p50_ms: round(scanP50),
      speedup: Math.round((scanP50 / p50) * 10) / 10,
    };
    console.log(JSON.stringify(summary));
  } finally {
    await ctx.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
