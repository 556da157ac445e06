// The registry benchmark: 100,000 cameras over the Hà Nội region in a fresh SQLite database,
// registered through the real service and repo; then the map's bounding-box query (a viewport
// of about 1,000 cameras) and a filtered list, against a full scan of the same table with the
// same predicate, in the same run. The last line is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  countCameraRows,
  listCameraRows,
  mapCamerasJson,
  mapQuery,
  type CameraFilter,
} from '../src/cameras/camera.repo';
import type { Bbox } from '../src/cameras/camera.geo';
import type { CameraInput, OwnerKind } from '../src/cameras/camera.types';
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

/** A viewport side holding about 1,000 of 100,000 cameras spread evenly over the region. */
const viewport = Math.sqrt(
  ((region.maxLat - region.minLat) * (region.maxLng - region.minLng) * 1000) / cameraCount,
);

const rand = random(20_240_601);

const streets = [
  'Xuân Đỉnh',
  'Phạm Văn Đồng',
  'Tân Xuân',
  'Cổ Nhuế',
  'Hoàng Quốc Việt',
  'Trần Cung',
];
const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'];
const models = ['Hikvision DS-2CD1023G0E-I', 'Dahua IPC-HFW1230S', 'Ezviz C3TN', 'Imou Bullet 2C'];

function cameraInputs(communeCodes: string[]): CameraInput[] {
  const kinds: OwnerKind[] = [
    'ward',
    'residential_group',
    'household',
    'household',
    'business',
    'school',
  ];
  const statuses = ['planned', 'installed', 'online', 'online', 'online', 'offline'] as const;
  const inputs: CameraInput[] = [];
  for (let i = 0; i < cameraCount; i++) {
    const latitude = region.minLat + rand() * (region.maxLat - region.minLat);
    const longitude = region.minLng + rand() * (region.maxLng - region.minLng);
    // Communes are vertical strips, so a unit's cameras sit together as they would on a map.
    const commune = Math.min(
      communeCodes.length - 1,
      Math.floor(
        ((longitude - region.minLng) / (region.maxLng - region.minLng)) * communeCodes.length,
      ),
    );
    inputs.push({
      code: `HN-${String(i).padStart(6, '0')}`,
      name: `Camera ${i} ngõ ${1 + (i % 300)}`,
      ownerKind: kinds[i % kinds.length]!,
      jurisdictionCode: communeCodes[commune]!,
      latitude: Math.round(latitude * 1e6) / 1e6,
      longitude: Math.round(longitude * 1e6) / 1e6,
      heading: Math.floor(rand() * 360),
      fov: 60 + Math.floor(rand() * 60),
      rangeM: 20 + Math.floor(rand() * 60),
      status: statuses[i % statuses.length]!,
      consentTier: i % 3 === 0 ? 'on_request' : 'registry_only',
      // What a registry row carries in practice: an address, an owner, a model, the funding.
      address: `Số ${1 + (i % 120)} ngõ ${1 + (i % 300)} đường ${streets[i % streets.length]!}`,
      ownerName:
        kinds[i % kinds.length] === 'household'
          ? `${familyNames[i % familyNames.length]!} Văn ${i}`
          : null,
      ownerPhone:
        kinds[i % kinds.length] === 'household' ? `09${String(i).padStart(8, '0')}` : null,
      makeModel: models[i % models.length]!,
      installedOn: `202${1 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`,
      fundingSource: i % 2 === 0 ? 'xã hội hóa' : 'ngân sách phường',
      costVnd: 3_000_000 + (i % 20) * 250_000,
      signagePosted: i % 4 !== 0,
      recordingEnabled: i % 5 !== 0,
      mainStreamUrl: i % 10 === 0 ? `rtsp://admin:pw${i}@10.${i % 250}.0.1/live` : null,
    });
  }
  return inputs;
}

function randomViewport(): Bbox {
  const minLat = region.minLat + rand() * (region.maxLat - region.minLat - viewport);
  const minLng = region.minLng + rand() * (region.maxLng - region.minLng - viewport);
  return { minLat, minLng, maxLat: minLat + viewport, maxLng: minLng + viewport };
}

interface Workload {
  label: string;
  /** Runs per round: rounds interleave the workloads so each meets the same machine load. */
  perRound: number;
  run: () => Promise<number>;
}

interface Timing {
  runs: number;
  p50: number;
  p99: number;
  rows: number;
}

async function measure(
  workloads: Workload[],
  rounds: number,
  warmupRounds: number,
): Promise<Timing[]> {
  const samples = workloads.map(() => [] as number[]);
  const rows = workloads.map(() => 0);
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (const [index, workload] of workloads.entries()) {
      for (let i = 0; i < workload.perRound; i++) {
        const start = performance.now();
        const found = await workload.run();
        if (round < warmupRounds) continue;
        samples[index]!.push(performance.now() - start);
        rows[index]! += found;
      }
    }
  }
  return workloads.map((workload, index) => {
    const sorted = samples[index]!.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    const timing = {
      runs: sorted.length,
      p50: at(0.5),
      p99: at(0.99),
      rows: rows[index]! / sorted.length,
    };
    console.log(
      `${workload.label}: ${timing.runs} runs, p50 ${timing.p50.toFixed(2)} ms, ` +
        `p99 ${timing.p99.toFixed(2)} ms, ${timing.rows.toFixed(0)} cameras each`,
    );
    return timing;
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'matthan-bench-'));
  const ctx = await createContext(testConfig({ dataDir }));
  try {
    const communeCodes = await seedUnits(ctx);
    const inputs = cameraInputs(communeCodes);
    await registerCameras(ctx, inputs);

    const now = new Date().toISOString();
    const bboxWorkload: Workload = {
      label: 'map bbox query',
      perRound: 5,
      run: async () =>
        (await mapCamerasJson(ctx.db, { pathPrefixes: [], bbox: randomViewport(), now }, 10_001))
          .count,
    };
    const listWorkload: Workload = {
      label: 'filtered list (unit subtree + status, page of 50, with total)',
      perRound: 3,
      run: async () => {
        const unit = `/hn/c${Math.floor(rand() * communeCount)}/`;
        const filter: CameraFilter = { pathPrefixes: [unit], status: 'online', now };
        const [rows] = await Promise.all([
          listCameraRows(ctx.db, filter, { limit: 50, offset: 0 }),
          countCameraRows(ctx.db, filter),
        ]);
        return rows.length;
      },
    };
    // The very same query and answer with the index ruled out (`NOT INDEXED`): every camera is read.
    const scanWorkload: Workload = {
      label: 'full scan, same query without the index',
      perRound: 1,
      run: async () => {
        const compiled = mapQuery(
          ctx.db,
          { pathPrefixes: [], bbox: randomViewport(), now },
          10_001,
        ).compile();
        if (!compiled.sql.includes('from "cameras" where'))
          throw new Error(`unexpected map query: ${compiled.sql}`);
        const text = compiled.sql.replace(
          'from "cameras" where',
          'from "cameras" not indexed where',
        );
        const result = await ctx.db.kysely.executeQuery<{ count: number }>({
          ...compiled,
          sql: text,
        });
        return Number(result.rows[0]?.count ?? 0);
      },
    };
    const planned = mapQuery(
      ctx.db,
      { pathPrefixes: [], bbox: randomViewport(), now },
      1,
    ).compile();
    const plan = await ctx.db.kysely.executeQuery<{ detail: string }>({
      ...planned,
      sql: `explain query plan ${planned.sql}`,
    });
    console.log(`map query plan: ${plan.rows.map((row) => row.detail).join('; ')}`);

    const [bbox, list, scan] = (await measure(
      [bboxWorkload, listWorkload, scanWorkload],
      150,
      10,
    )) as [Timing, Timing, Timing];
    // Speedup compares medians: on a shared machine the p99 of a 30 ms scan and of a 2 ms query
    // are set by whatever else runs at that moment, and their ratio swings from run to run.
    const speedup = scan.p50 / bbox.p50;
    console.log(
      `speedup (scan p50 / bbox p50): ${speedup.toFixed(1)}x; p99 ratio ${(scan.p99 / bbox.p99).toFixed(1)}x; ` +
        `list p50 ${list.p50.toFixed(2)} ms; scan p50 ${scan.p50.toFixed(2)} ms`,
    );
    const summary = {
      bench: 'registry',
      cameras: cameraCount,
      bbox_p50_ms: round(bbox.p50),
      bbox_p99_ms: round(bbox.p99),
      list_p99_ms: round(list.p99),
      scan_p99_ms: round(scan.p99),
      speedup: Math.round(speedup * 10) / 10,
    };
    console.log(JSON.stringify(summary));
  } finally {
    await ctx.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
