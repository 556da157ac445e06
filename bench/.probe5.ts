import SQLite from 'better-sqlite3';
import { createContext } from '../src/platform/bootstrap';
import { testConfig } from '../src/platform/config';
import { mapCameraRows } from '../src/cameras/camera.repo';
const dir = process.argv[2]!;
const ctx = await createContext(testConfig({ dataDir: dir }));
const db = new SQLite(dir + '/matthan.sqlite');
const where = `lat_cell in (?,?,?,?) and longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`;
const cols = `id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at`;
const stmt = db.prepare(`select ${cols} from cameras where ${where}`);
const json = db.prepare(`select count(*) as n, json_group_array(json_object('id', id, 'code', code, 'name', name, 'latitude', latitude, 'longitude', longitude, 'heading', heading, 'fov', fov, 'rangeM', range_m, 'ownerKind', owner_kind, 'status', status, 'consentTier', case when consent_expires_at <= ? then 'registry_only' else consent_tier end)) as items from (select ${cols} from cameras where ${where} limit 10001)`);
const scan = db.prepare(`select ${cols} from cameras not indexed where longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`);
const t: Record<string, number[]> = { kysely: [], objects: [], json: [], scan: [] };
for (let i = 0; i < 400; i++) {
  const a = 20.94 + Math.random() * 0.25, b = 105.66 + Math.random() * 0.36; const c = Math.floor(a * 100);
  const args = [c, c + 1, c + 2, c + 3, b, b + 0.0346, a, a + 0.0346];
  let s = performance.now(); await mapCameraRows(ctx.db, { pathPrefixes: [], now: '', bbox: { minLat: a, maxLat: a + 0.0346, minLng: b, maxLng: b + 0.0346 } }, 10001); t.kysely!.push(performance.now() - s);
  s = performance.now(); stmt.all(...args); t.objects!.push(performance.now() - s);
  s = performance.now(); json.get('2026', ...args); t.json!.push(performance.now() - s);
  if (i % 5 === 0) { s = performance.now(); scan.all(b, b + 0.0346, a, a + 0.0346); t.scan!.push(performance.now() - s); }
}
for (const [k, v] of Object.entries(t)) { v.sort((x, y) => x - y); console.log(k, 'min', v[0]!.toFixed(2), 'p50', v[v.length >> 1]!.toFixed(2), 'p99', v[Math.floor(v.length * 0.99)]!.toFixed(2)); }
