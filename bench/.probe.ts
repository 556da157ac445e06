import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createContext } from '../src/platform/bootstrap';
import { testConfig } from '../src/platform/config';
import { mapCameraRows } from '../src/cameras/camera.repo';
const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'probe-'));
const ctx = await createContext(testConfig({ dataDir }));
const n = await sql`select count(*) as n from cameras`.execute(ctx.db.kysely);
console.log(n.rows);
const box = { minLat: 21.05, maxLat: 21.0847, minLng: 105.8, maxLng: 105.8347 };
const q = ctx.db.kysely.selectFrom('cameras').select(['id']).where('lat_cell', 'in', [2105, 2106, 2107, 2108]).where('longitude', '>=', box.minLng).where('longitude', '<=', box.maxLng).where('latitude', '>=', box.minLat).where('latitude', '<=', box.maxLat);
const c = q.compile();
console.log(c.sql);
const plan = await sql.raw(`explain query plan ${c.sql.replace(/\?/g, () => String(c.parameters.shift()))}`).execute(ctx.db.kysely);
console.log(plan.rows);
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const r = await mapCameraRows(ctx.db, { pathPrefixes: [], bbox: box, now: '' }, 10001);
  console.log(r.length, (performance.now() - t).toFixed(2));
}
const s = await sql`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`.execute(ctx.db.kysely);
console.log(s.rows);
await ctx.db.close();
