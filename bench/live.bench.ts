// The live benchmark: one simulated camera (a separate `matthan sim` process) recorded by
// matthan's recorder, watched through the real HTTP server first by 1, then by N WebSocket
// viewers. The viewers are headless clients in a process of their own (live-clients.ts), so the
// server's CPU (this process, from `process.cpuUsage`) and memory (read at the end of each
// window, after a full garbage collection) are measured apart from theirs; the recorder's
// ffmpeg is a child and not counted (it is the same one whatever the number of viewers).
// Per extra viewer = (N-viewer figure − 1-viewer figure) / (N − 1); for memory, the larger of
// the RSS growth and the growth of the JavaScript heap plus Buffers (the RSS of a freshly
// started process drifts down meanwhile, as start-up memory is handed back).
//
// Latency is from a fragment leaving ffmpeg to its arrival at a client. "Leaving ffmpeg" is the
// recorder's own stamp (`atMs`, taken when the fragment was read whole from ffmpeg's stdout),
// which this process hears through a listener on the recorder's live feed, keyed by the
// fragment's `moof` sequence number; the clients note when each sequence number arrives. Both
// read the same machine's wall clock (`Date.now()`), so no stamp is added to what is sent.
// The last line is one JSON object.
//
//   npm run bench:live -- [--viewers 50] [--seconds 20]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createCameras } from '../src/cameras/camera.service';
import { createContext } from '../src/platform/bootstrap';
import { testConfig } from '../src/platform/config';
import { buildApp } from '../src/platform/http/app';
import type { Logger } from '../src/platform/supervisor';
import { RecorderService } from '../src/recording/recorder';
import { seedTestUnits, unitIds } from '../test/helpers/fixtures';
import { TEST_PASSWORD } from '../test/helpers/harness';
import { hashPassword } from '../src/auth/password';
import { liveServiceOf } from '../src/live/live.service';
import {
  fragmentSequence,
  type ClientCommand,
  type ClientReply,
  type ClientTotals,
} from './live-clients';
import { startSimulatorProcess } from './recording-simulator';

const { values } = parseArgs({
  options: {
    viewers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
  },
});
const viewerCount = Number(values.viewers);
const seconds = Number(values.seconds);
if (!Number.isInteger(viewerCount) || viewerCount < 2 || !(seconds >= 5)) {
  throw new Error('--viewers must be at least 2 and --seconds at least 5');
}
const settleMs = 3_000;
const say = (line: string) => process.stdout.write(`${line}\n`);
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const mb = (bytes: number) => bytes / 1024 / 1024;
const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (details, message) => say(`  recorder: ${message} ${JSON.stringify(details)}`),
  error: (details, message) => say(`  recorder error: ${message} ${JSON.stringify(details)}`),
};

const root = mkdtempSync(join(tmpdir(), 'matthan-bench-live-'));
const credentials = { username: 'bench', password: 'bench-pass' };
const sim = await startSimulatorProcess(1, credentials);
const ctx = await createContext(testConfig({ dataDir: root, recording: false }));
await seedTestUnits(ctx);
const ownerId = 'bench-owner';
await ctx.db.kysely
  .insertInto('users')
  .values({
    id: ownerId,
    username: 'bench.owner',
    display_name: 'Bench owner',
    password_hash: await hashPassword(TEST_PASSWORD),
    role: 'camera_owner',
    jurisdiction_id: unitIds.tanXuan1,
    phone: null,
    email: null,
    created_at: new Date().toISOString(),
  })
  .execute();
const [cameraId] = (await createCameras(ctx, null, [
  {
    code: 'BENCH-LIVE',
    name: 'Bench live camera',
    ownerKind: 'household',
    ownerName: 'Bench owner',
    ownerUserId: ownerId,
    jurisdictionId: unitIds.tanXuan1,
    latitude: 21.075,
    longitude: 105.786,
    heading: 90,
    fov: 90,
    rangeM: 40,
    consentTier: 'live_always',
    mainStreamUrl: `rtsp://${credentials.username}:${credentials.password}@127.0.0.1:${sim.port}/cam-001`,
    recordingEnabled: true,
  },
])) as [string];
const recorder = new RecorderService(ctx);
ctx.recorder = recorder;
const app = await buildApp(ctx);
// One user opens every socket here; the per-user cap (which guards against a runaway client)
// is lifted so that the figure is the cost of viewers, whoever they are.
liveServiceOf(ctx, quiet).options.maxSocketsPerUser = viewerCount;
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as AddressInfo).port;
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'bench.owner', password: TEST_PASSWORD },
});
const session = login.cookies.find((c) => c.name === 'matthan_session');
if (!session) throw new Error(`login failed: ${login.body}`);
const cookie = `matthan_session=${session.value}`;

// When each fragment left ffmpeg, by sequence number (the recorder's stamp).
const leftFfmpeg = new Map<number, number>();
recorder.onLiveChunk(cameraId, (chunk) => {
  if (chunk.kind !== 'fragment') return;
  const sequence = fragmentSequence(chunk.data);
  if (sequence !== null) leftFfmpeg.set(sequence, chunk.atMs);
});

const clients = fork(join(import.meta.dirname, 'live-clients.ts'), [], { stdio: 'inherit' });
function ask(command: ClientCommand): Promise<ClientReply> {
  return new Promise((resolve, reject) => {
    const ended = (code: number | null) => reject(new Error(`the clients exited (${code})`));
    clients.once('exit', ended);
    clients.once('message', (reply: ClientReply) => {
      clients.off('exit', ended);
      resolve(reply);
    });
    clients.send(command);
  });
}

interface Window {
  cpuPct: number;
  rssMb: number;
  /** JavaScript heap plus Buffers, after a full garbage collection. */
  heapMb: number;
  totals: ClientTotals;
}

/** `--expose-gc` (the npm script passes it): memory is read after a full collection. */
const collect = (globalThis as { gc?: () => void }).gc;

/** Memory held now: after a full collection when the script may ask for one. */
async function settledMemory(): Promise<{ rss: number; heap: number }> {
  collect?.();
  await sleep(200);
  collect?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.external };
}

/**
 * Server CPU (% of one core) over `seconds`, memory at its end, and what the clients received.
 * Memory is read after a full garbage collection: the mean RSS of a window also counts garbage
 * not yet collected, which swamps what 49 sockets hold.
 */
async function measure(): Promise<Window> {
  // Start-up garbage (code loaded and compiled, the first connection) is gone before counting.
  await settledMemory();
  await ask({ type: 'report' }); // starts the clients' counts afresh
  const cpuBefore = process.cpuUsage();
  const startedAt = process.hrtime.bigint();
  await sleep(seconds * 1000);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedUs = Number(process.hrtime.bigint() - startedAt) / 1000;
  const reply = await ask({ type: 'report' });
  if (reply.type !== 'report') throw new Error('the clients did not report');
  const memory = await settledMemory();
  return {
    cpuPct: ((cpu.user + cpu.system) / elapsedUs) * 100,
    rssMb: mb(memory.rss),
    heapMb: mb(memory.heap),
    totals: reply.totals,
  };
}

function latencies(totals: ClientTotals): number[] {
  return totals.arrivals
    .map(([sequence, arrivedAt]) => {
      const left = leftFfmpeg.get(sequence);
      return left === undefined ? null : arrivedAt - left;
    })
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

try {
  await recorder.start(quiet);
  const url = `ws://127.0.0.1:${port}/api/cameras/${cameraId}/live?stream=main`;
  say(`live benchmark: 1 camera, 1 then ${viewerCount} viewers, ${seconds} s each`);
  if (!collect) say('  (run with --expose-gc for memory read after a full collection)');
  await ask({ type: 'open', count: 1, url, cookie });
  await sleep(settleMs);
  const one = await measure();
  await ask({ type: 'open', count: viewerCount - 1, url, cookie });
  await sleep(settleMs);
  const many = await measure();

  for (const [label, window] of [
    ['1 viewer', one],
    [`${viewerCount} viewers`, many],
  ] as const) {
    const { totals } = window;
    say(
      `  ${label}: server CPU ${round(window.cpuPct, 2)} %, RSS ${round(window.rssMb, 1)} MB ` +
        `(heap and buffers ${round(window.heapMb, 1)} MB); ` +
        `clients got ${round(mb(totals.bytes), 1)} MB, ${totals.fragments} fragments, ` +
        `${totals.keyframes} keyframes (${totals.clientsWithKeyframes}/${totals.clients} clients), ` +
        `${totals.skippedNotices} skip notices`,
    );
  }
  if (many.totals.clientsWithKeyframes !== viewerCount) {
    throw new Error(`only ${many.totals.clientsWithKeyframes} of ${viewerCount} viewers got video`);
  }
  const sorted = latencies(many.totals);
  const extra = viewerCount - 1;
  // A fresh process keeps handing start-up memory back to the system for a while, so its RSS
  // can fall by more than what the viewers add; the JavaScript heap and Buffers (after a full
  // collection) are what sockets and their queues hold. The larger growth of the two counts.
  const rssGrowth = many.rssMb - one.rssMb;
  const heapGrowth = many.heapMb - one.heapMb;
  say(
    `  memory growth for ${extra} more viewers: RSS ${round(rssGrowth, 2)} MB, ` +
      `heap and buffers ${round(heapGrowth, 2)} MB`,
  );
  const result = {
    bench: 'live',
    viewers: viewerCount,
    cpu_pct_per_viewer: round((many.cpuPct - one.cpuPct) / extra, 4),
    rss_mb_per_viewer: round(Math.max(rssGrowth, heapGrowth) / extra, 4),
    latency_ms_p95: round(percentile(sorted, 95), 1),
  };
  say(
    `  latency over ${sorted.length} arrivals: p50 ${round(percentile(sorted, 50), 1)} ms, ` +
      `p95 ${result.latency_ms_p95} ms, max ${round(sorted.at(-1) ?? NaN, 1)} ms`,
  );
  say(
    `  goals: p95 < 500 ms ${result.latency_ms_p95 < 500 ? 'met' : 'MISSED'}, ` +
      `< 0.2 % CPU per viewer ${result.cpu_pct_per_viewer < 0.2 ? 'met' : 'MISSED'}, ` +
      `< 1 MB per viewer ${result.rss_mb_per_viewer < 1 ? 'met' : 'MISSED'}`,
  );
  say(JSON.stringify(result));
} finally {
  const exited = new Promise((resolve) => {
    if (clients.exitCode !== null) resolve(clients.exitCode);
    else clients.once('exit', resolve);
  });
  if (clients.connected) clients.send({ type: 'close' } satisfies ClientCommand);
  setTimeout(() => clients.kill(), 2_000).unref();
  await exited;
  await app.close();
  await ctx.db.close();
  sim.child.kill();
  rmSync(root, { recursive: true, force: true });
}
