import SQLite from 'better-sqlite3';
const dir = process.argv[2]!;
const db = new SQLite(dir + '/matthan.sqlite');
const where = `lat_cell in (?,?,?,?) and longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`;
const cols = `id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at`;
const q: Record<string, SQLite.Statement> = {
  obj: db.prepare(`select count(*) as n, json_group_array(json_object('id', id, 'code', code, 'name', name, 'latitude', latitude, 'longitude', longitude, 'heading', heading, 'fov', fov, 'rangeM', range_m, 'ownerKind', owner_kind, 'status', status, 'consentTier', case when consent_expires_at <= '2026' then 'registry_only' else consent_tier end)) as items from (select ${cols} from cameras where ${where} limit 10001)`),
  arr: db.prepare(`select count(*) as n, json_group_array(json_array(id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier)) as items from (select ${cols} from cameras where ${where} limit 10001)`),
  sum: db.prepare(`select count(*) as n, sum(length(id)+length(name)+length(code)+latitude+longitude+heading+fov+range_m+length(owner_kind)+length(status)+length(consent_tier)) as items from (select ${cols} from cameras where ${where} limit 10001)`),
  concat: db.prepare(`select count(*) as n, '[' || group_concat('{"id":"' || id || '","code":' || json_quote(code) || ',"name":' || json_quote(name) || ',"latitude":' || latitude || ',"longitude":' || longitude || ',"heading":' || heading || ',"fov":' || fov || ',"rangeM":' || range_m || ',"ownerKind":"' || owner_kind || '","status":"' || status || '","consentTier":"' || consent_tier || '"}') || ']' as items from (select ${cols} from cameras where ${where} limit 10001)`),
};
const t: Record<string, number[]> = { obj: [], arr: [], sum: [], concat: [] };
for (let i = 0; i < 400; i++) {
  const a = 20.94 + Math.random() * 0.25, b = 105.66 + Math.random() * 0.36; const c = Math.floor(a * 100);
  const args = [c, c + 1, c + 2, c + 3, b, b + 0.0346, a, a + 0.0346];
  for (const k of Object.keys(q)) { const s = performance.now(); q[k]!.get(...args); t[k]!.push(performance.now() - s); }
}
for (const [k, v] of Object.entries(t)) { v.sort((x, y) => x - y); console.log(k, 'min', v[0]!.toFixed(2), 'p50', v[v.length >> 1]!.toFixed(2), 'p99', v[Math.floor(v.length * 0.99)]!.toFixed(2)); }
console.log(db.pragma('compile_options').filter((o: any) => /JSON|THREAD|CACHE/.test(o.compile_options)));
console.log((db.prepare('select sqlite_version() v').get()));
