import { sql } from 'kysely';
import { createContext } from '../src/platform/bootstrap';
import { testConfig } from '../src/platform/config';
import { mapCameraRows } from '../src/cameras/camera.repo';
const ctx = await createContext(testConfig({ dataDir: process.argv[2]! }));
const box = () => { const a = 20.93 + Math.random() * 0.26, b = 105.66 + Math.random() * 0.36; return { minLat: a, maxLat: a + 0.0346, minLng: b, maxLng: b + 0.0346 }; };
async function measure(label: string) {
  const t: number[] = [];
  for (let i = 0; i < 300; i++) { const s = performance.now(); await mapCameraRows(ctx.db, { pathPrefixes: [], bbox: box(), now: '' }, 10001); t.push(performance.now() - s); }
  t.sort((a, b) => a - b); console.log(label, t[150]!.toFixed(2), t[297]!.toFixed(2));
}
await measure('before');
await sql`drop index if exists cameras_map`.execute(ctx.db.kysely);
await sql`create index cameras_map on cameras (lat_cell, longitude, latitude, owner_kind, status, consent_tier, consent_expires_at, jurisdiction_path, heading, fov, range_m, code, name, id)`.execute(ctx.db.kysely);
await measure('covering');
const plan = await sql.raw(`explain query plan select id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at from cameras where lat_cell in (2105,2106) and longitude >= 105.8 and longitude <= 105.83 and latitude >= 21.05 and latitude <= 21.07`).execute(ctx.db.kysely);
console.log(plan.rows);
await ctx.db.close();
