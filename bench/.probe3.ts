import SQLite from 'better-sqlite3';
const db = new SQLite(process.argv[2] + '/matthan.sqlite');
const stmt = db.prepare(`select id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at from cameras where lat_cell in (?,?,?,?) and longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`);
const scan = db.prepare(`select id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at from cameras not indexed where longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`);
function run(label: string, f: () => unknown[]) {
  const t: number[] = []; let n = 0;
  for (let i = 0; i < 200; i++) { const s = performance.now(); n = f().length; t.push(performance.now() - s); }
  t.sort((a, b) => a - b); console.log(label, n, t[100]!.toFixed(2), t[198]!.toFixed(2));
}
const box = () => { const a = 20.94 + Math.random() * 0.25, b = 105.66 + Math.random() * 0.36; return [a, b]; };
run('index', () => { const [a, b] = box() as [number, number]; const c = Math.floor(a * 100); return stmt.all(c, c + 1, c + 2, c + 3, b, b + 0.0346, a, a + 0.0346); });
run('scan', () => { const [a, b] = box() as [number, number]; return scan.all(b, b + 0.0346, a, a + 0.0346); });
console.log(db.pragma('cache_size'));
const cnt = db.prepare(`select count(*) from cameras where lat_cell in (?,?,?,?) and longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`);
run('count-index', () => { const [a, b] = box() as [number, number]; const c = Math.floor(a * 100); return [cnt.get(c, c + 1, c + 2, c + 3, b, b + 0.0346, a, a + 0.0346)]; });
const rawStmt = db.prepare(`select id, code, name, latitude, longitude, heading, fov, range_m, owner_kind, status, consent_tier, consent_expires_at from cameras where lat_cell in (?,?,?,?) and longitude >= ? and longitude <= ? and latitude >= ? and latitude <= ?`).raw(true);
run('index-raw', () => { const [a, b] = box() as [number, number]; const c = Math.floor(a * 100); return rawStmt.all(c, c + 1, c + 2, c + 3, b, b + 0.0346, a, a + 0.0346); });
run('index', () => { const [a, b] = box() as [number, number]; const c = Math.floor(a * 100); return stmt.all(c, c + 1, c + 2, c + 3, b, b + 0.0346, a, a + 0.0346); });
