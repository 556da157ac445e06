import SQLite from 'better-sqlite3';
const db = new SQLite(process.argv[2] + '/matthan.sqlite');
const where = `lat_cell in (?,?,?,?) and longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`;
const stmt = db.prepare(`select id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at from cameras where ${where}`);
const json = db.prepare(`select count(*) as n, json_group_array(json_object('id', id, 'code', code, 'name', name, 'latitude', latitude, 'longitude', longitude, 'heading', heading, 'fov', fov, 'rangeM', range_m, 'ownerKind', owner_kind, 'status', status, 'consentTier', case when consent_expires_at <= ? then 'registry_only' else consent_tier end)) as items from (select * from cameras where ${where} limit 10001)`);
const scan = db.prepare(`select id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at from cameras not indexed where longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`);
function run(label: string, f: () => unknown) {
  const t: number[] = [];
  for (let i = 0; i < 300; i++) { const s = performance.now(); f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b); console.log(label, t[150]!.toFixed(2), t[297]!.toFixed(2));
}
const box = () => { const a = 20.94 + Math.random() * 0.25, b = 105.66 + Math.random() * 0.36; return [a, b] as [number, number]; };
const args = () => { const [a, b] = box(); const c = Math.floor(a * 100); return [c, c + 1, c + 2, c + 3, b, b + 0.0346, a, a + 0.0346]; };
run('objects', () => stmt.all(...args()));
run('json', () => (json.get('2026', ...args()) as { items: string }).items.length);
run('json+parse', () => JSON.parse((json.get('2026', ...args()) as { items: string }).items));
run('scan', () => { const [a, b] = box(); return scan.all(b, b + 0.0346, a, a + 0.0346); });
console.log(db.prepare(`explain query plan select count(*) as n, json_group_array(json_object('id', id)) from (select * from cameras where ${where} limit 10001)`).all(...args()));
