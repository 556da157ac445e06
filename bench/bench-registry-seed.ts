import { performance } from 'node:perf_hooks';
import { createCameras } from '../src/cameras/camera.service';
import type { CameraInput } from '../src/cameras/camera.types';
import type { AppContext } from '../src/platform/context';
import { searchText } from '../src/platform/text';

// What the registry and finder benchmarks share: 100,000 cameras over 40 wards of one city in
// the same region, registered through the real service, from a deterministic generator.

export const cameraCount = 100_000;
export const communeCount = 40;
/** 0.30° × 0.40° around central Hà Nội. */
export const region = { minLat: 20.93, maxLat: 21.23, minLng: 105.66, maxLng: 106.06 };

/** A small deterministic generator, so every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The city and its wards; returns the wards' codes. */
export async function seedUnits(ctx: AppContext): Promise<string[]> {
  const now = new Date().toISOString();
  const unit = (id: string, code: string, name: string, path: string, parent: string | null) => ({
    id,
    code,
    name,
    search_text: searchText(name, code),
    level: parent === null ? ('province' as const) : ('commune' as const),
    kind: parent === null ? 'thành phố' : 'phường',
    parent_id: parent,
    path,
    valid_from: '2025-07-01',
    valid_to: null,
    successor_id: null,
    latitude: null,
    longitude: null,
    boundary: null,
    population: null,
    created_at: now,
  });
  const rows = [unit('hn', '01', 'Hà Nội', '/hn/', null)];
  for (let i = 0; i < communeCount; i++) {
    const code = `B${String(i).padStart(4, '0')}`;
    rows.push(unit(`c${i}`, code, `Phường ${i + 1}`, `/hn/c${i}/`, 'hn'));
  }
  await ctx.db.kysely.insertInto('jurisdictions').values(rows).execute();
  return rows.slice(1).map((row) => row.code);
}

/** Registers the cameras in batches of 10,000 and says how long it took. */
export async function registerCameras(ctx: AppContext, inputs: CameraInput[]): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < inputs.length; i += 10_000)
    await createCameras(ctx, null, inputs.slice(i, i + 10_000));
  console.log(
    `registered ${inputs.length} cameras in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
