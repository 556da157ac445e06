import SQLite from 'better-sqlite3';
const dir = process.argv[2]!;
const db = new SQLite(dir + '/matthan.sqlite');
const where = `lat_cell in (?,?,?,?) and longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`;
const cols = `id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at`;
const mk = (f: string) => db.prepare(`select count(*) as n, json_group_array(json_object(${f})) as items from (select ${cols} from cameras where ${where} limit 10001)`);
const q: Record<string, SQLite.Statement> = {
  full: mk(`'id', id, 'code', code, 'name', name, 'latitude', latitude, 'longitude', longitude, 'heading', heading, 'fov', fov, 'rangeM', range_m, 'ownerKind', owner_kind, 'status', status, 'consentTier', consent_tier`),
  nofloat: mk(`'id', id, 'code', code, 'name', name, 'heading', heading, 'fov', fov, 'rangeM', range_m, 'ownerKind', owner_kind, 'status', status, 'consentTier', consent_tier`),
  onlyfloat: mk(`'latitude', latitude, 'longitude', longitude`),
  none: mk(`'a', 1`),
};
const t: Record<string, number[]> = {};
for (let i = 0; i < 400; i++) {
  const a = 20.94 + Math.random() * 0.25, b = 105.66 + Math.random() * 0.36; const c = Math.floor(a * 100);
  const args = [c, c + 1, c + 2, c + 3, b, b + 0.0346, a, a + 0.0346];
  for (const k of Object.keys(q)) { const s = performance.now(); q[k]!.get(...args); (t[k] ??= []).push(performance.now() - s); }
}
for (const [k, v] of Object.entries(t)) { v.sort((x, y) => x - y); console.log(k, 'min', v[0]!.toFixed(2), 'p50', v[v.length >> 1]!.toFixed(2), 'p99', v[Math.floor(v.length * 0.99)]!.toFixed(2)); }
