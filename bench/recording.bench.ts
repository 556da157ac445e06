// The recording benchmark: N simulated cameras (a separate `matthan sim` process) recorded for a
// fixed time by matthan's recorder (one supervised ffmpeg per camera, segments indexed in a fresh
// SQLite database), then by N bare ffmpeg processes with the same arguments, in the same run.
// CPU comes from /proc: the ffmpeg children (reaped, so nothing is missed), the node process
// for matthan's own overhead, and the simulator apart. The ratio compares steady recording: CPU
// is counted over a window that opens once every camera has connected, and what each side spends
// before that (spawning, probing streams, loading code) is reported apart. The last line is one
// JSON object.
//
//   npm run bench:recording -- [--cameras 20] [--seconds 60] [--verbose]
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createCameras } from '../src/cameras/camera.service';
import type { CameraInput } from '../src/cameras/camera.types';
import { testConfig } from '../src/platform/config';
import { createContext } from '../src/platform/bootstrap';
import type { Logger } from '../src/platform/supervisor';
import { defaultRecordOptions, recordArgs } from '../src/recording/ffmpeg-args';
import { detectFfmpeg } from '../src/recording/ffmpeg-caps';
import { RecorderService } from '../src/recording/recorder';
import { seedTestUnits, unitIds } from '../test/helpers/fixtures';
import { coverage, lostSlots, type Span } from './recording-coverage';
import { startSimulatorProcess } from './recording-simulator';
import {
  CpuWindow,
  processCpu,
  processRss,
  reapedChildrenCpu,
  RssSampler,
  childrenNamed,
} from './recording-procs';

const { values } = parseArgs({
  options: {
    cameras: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '90' },
    /** Lists every segment (seconds from the start of the phase) and the stop time. */
    verbose: { type: 'boolean', default: false },
  },
});
const streams = Number(values.cameras);
const seconds = Number(values.seconds);
if (!Number.isInteger(streams) || streams < 1 || !Number.isFinite(seconds) || seconds < 30) {
  throw new Error('--cameras must be at least 1 and --seconds at least 30');
}
const segmentMs = defaultRecordOptions.segmentSeconds * 1000;
/** Time for every camera to connect and reach a keyframe before coverage is counted. */
const warmupMs = 5_000;
/** When the steady-state CPU window opens: every ffmpeg has probed its stream by then. */
const steadyFromMs = 10_000;
const mb = (bytes: number) => bytes / 1024 / 1024;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const say = (line: string) => process.stdout.write(`${line}\n`);
const root = mkdtempSync(join(tmpdir(), 'matthan-bench-rec-'));
const credentials = { username: 'bench', password: 'bench-pass' };

const cameraUrl = (port: number, index: number) =>
  `rtsp://${credentials.username}:${credentials.password}@127.0.0.1:${port}/cam-${String(index).padStart(3, '0')}`;

interface PhaseResult {
  childCpu: number;
  nodeCpu: number;
  steady: { node: number; children: number; ms: number };
  rssPerStream: number;
  spans: Span[];
  startAt: number;
  stopAt: number;
  simCpu: number;
}

/** Counts the recorder's warnings (every camera reports going offline when it is stopped). */
const quietLogger: Logger & { warnings: number; errors: number } = {
  warnings: 0,
  errors: 0,
  debug: () => undefined,
  info: () => undefined,
  warn(details, message) {
    this.warnings++;
    if (values.verbose) say(`  recorder warning: ${message} ${JSON.stringify(details)}`);
  },
  error(details, message) {
    this.errors++;
    say(`  recorder error: ${message} ${JSON.stringify(details)}`);
  },
};

/** Waits out the phase, counting CPU over its steady part; returns that window's figures. */
async function steadyWindow(startAt: number) {
  const window = new CpuWindow(process.pid, 'ffmpeg');
  await sleep(startAt + steadyFromMs - Date.now());
  const openedAt = Date.now();
  window.open();
  await sleep(startAt + seconds * 1000 - Date.now());
  return { ...window.close(), ms: Date.now() - openedAt };
}

async function recordWithMatthan(port: number, simPid: number): Promise<PhaseResult> {
  const dataDir = join(root, 'matthan');
  const ctx = await createContext(testConfig({ dataDir, recording: false }));
  await seedTestUnits(ctx);
  const inputs: CameraInput[] = Array.from({ length: streams }, (_, i) => ({
    code: `BENCH-${i + 1}`,
    name: `Bench camera ${i + 1}`,
    ownerKind: 'residential_group',
    jurisdictionId: unitIds.tanXuan1,
    latitude: 21.075 + i * 1e-4,
    longitude: 105.786,
    heading: 90,
    fov: 90,
    rangeM: 40,
    status: 'online',
    consentTier: 'on_request',
    retentionDays: 30,
    signagePosted: true,
    mainStreamUrl: cameraUrl(port, i + 1),
    recordingEnabled: true,
  }));
  await createCameras(ctx, null, inputs);
  const recorder = new RecorderService(ctx);
  const cpuBefore = reapedChildrenCpu();
  const nodeBefore = process.cpuUsage();
  const simBefore = processCpu(simPid);
  const startAt = Date.now();
  const rss = new RssSampler(process.pid, 'ffmpeg', warmupMs);
  await recorder.start(quietLogger);
  const steady = await steadyWindow(startAt);
  const stopAt = Date.now();
  const rssTotal = rss.stop();
  const simCpu = processCpu(simPid) - simBefore;
  await recorder.stop();
  const node = process.cpuUsage(nodeBefore);
  const rows = await ctx.db.kysely
    .selectFrom('segments')
    .select(['camera_id', 'start_ms', 'end_ms'])
    .execute();
  await ctx.db.close();
  return {
    childCpu: reapedChildrenCpu() - cpuBefore,
    nodeCpu: (node.user + node.system) / 1e6,
    steady,
    rssPerStream: rssTotal / streams,
    spans: rows.map((r) => ({ camera: r.camera_id, startMs: r.start_ms, endMs: r.end_ms })),
    startAt,
    stopAt,
    simCpu,
  };
}

/** Reads what the segment muxer reported on its list: `file,start,end` per closed segment. */
function spansFromList(camera: string, listPath: string): Span[] {
  return readFileSync(listPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const [file = '', start = '', end = ''] = line.split(',');
      const stamp = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.mp4$/.exec(file);
      if (!stamp) return [];
      const [year, month, day, hour, minute, second] = stamp.slice(1).map(Number);
      const startMs = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
      return [{ camera, startMs, endMs: startMs + (Number(end) - Number(start)) * 1000 }];
    });
}

async function recordWithBareFfmpeg(
  port: number,
  simPid: number,
  ffmpeg: string,
  timeoutOption: 'timeout' | 'stimeout',
): Promise<PhaseResult> {
  const devNull = openSync('/dev/null', 'w');
  const cpuBefore = reapedChildrenCpu();
  const nodeBefore = process.cpuUsage();
  const simBefore = processCpu(simPid);
  const startAt = Date.now();
  const rss = new RssSampler(process.pid, 'ffmpeg', warmupMs);
  const children = Array.from({ length: streams }, (_, i) => {
    const dir = join(root, 'bare', `cam-${i + 1}`);
    mkdirSync(dir, { recursive: true });
    const listPath = join(dir, 'segments.csv');
    const list = openSync(listPath, 'w');
    const args = recordArgs(
      { mainStreamUrl: cameraUrl(port, i + 1) },
      {
        ...defaultRecordOptions,
        socketTimeoutOption: timeoutOption,
        incomingDir: dir,
        connection: 'bare',
      },
    );
    const child = spawn(ffmpeg, args, {
      stdio: ['pipe', devNull, 'ignore', list],
      env: { ...process.env, TZ: 'UTC' },
    });
    closeSync(list);
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    return { child, exited, listPath, camera: `cam-${i + 1}` };
  });
  const steady = await steadyWindow(startAt);
  const stopAt = Date.now();
  const rssTotal = rss.stop();
  const simCpu = processCpu(simPid) - simBefore;
  for (const { child } of children) child.stdin?.end('q');
  const kill = setTimeout(() => children.forEach(({ child }) => child.kill('SIGKILL')), 15_000);
  await Promise.all(children.map((c) => c.exited));
  clearTimeout(kill);
  closeSync(devNull);
  const node = process.cpuUsage(nodeBefore);
  return {
    childCpu: reapedChildrenCpu() - cpuBefore,
    nodeCpu: (node.user + node.system) / 1e6,
    steady,
    rssPerStream: rssTotal / streams,
    spans: children.flatMap((c) => spansFromList(c.camera, c.listPath)),
    startAt,
    stopAt,
    simCpu,
  };
}

function report(name: string, phase: PhaseResult) {
  const streamHours = (streams * (phase.stopAt - phase.startAt)) / 3_600_000;
  const cameras = [...new Set(phase.spans.map((s) => s.camera))];
  const from = phase.startAt + warmupMs;
  const lost = lostSlots(phase.spans, streams, from, phase.stopAt, segmentMs);
  const covered = coverage(phase.spans, streams, from, phase.stopAt);
  if (values.verbose) {
    for (const span of [...phase.spans].sort((a, b) => a.startMs - b.startMs)) {
      say(
        `  ${span.camera.slice(0, 8)} ${(span.startMs - phase.startAt) / 1000}..${(span.endMs - phase.startAt) / 1000}`,
      );
    }
    say(`  stop at ${(phase.stopAt - phase.startAt) / 1000}`);
  }
  const steadyStreamHours = (streams * phase.steady.ms) / 3_600_000;
  const steadyCpu = phase.steady.children + phase.steady.node;
  const result = {
    steadyCpuPerStreamHour: steadyCpu / steadyStreamHours,
    steadyNodeCpuPerStreamHour: phase.steady.node / steadyStreamHours,
    /** CPU spent outside the steady window (mostly start-up), seconds per stream. */
    startupCpuPerStream:
      (phase.childCpu +
        phase.nodeCpu -
        (steadyCpu * (phase.stopAt - phase.startAt)) / phase.steady.ms) /
      streams,
    cpuPerStreamHour: (phase.childCpu + phase.nodeCpu) / streamHours,
    ffmpegCpuPerStreamHour: phase.childCpu / streamHours,
    nodeCpuPerStreamHour: phase.nodeCpu / streamHours,
    rssMbPerStream: mb(phase.rssPerStream),
    segments: phase.spans.length,
    lost,
    covered,
    simCpuPercent: (100 * phase.simCpu * 1000) / (phase.stopAt - phase.startAt),
  };
  say(
    `${name}: ${result.segments} segments from ${cameras.length}/${streams} cameras, ${lost} lost, ` +
      `${round(100 * covered, 1)}% of the time covered; ` +
      `steady CPU ${round(result.steadyCpuPerStreamHour, 1)} s per stream-hour ` +
      `(node ${round(result.steadyNodeCpuPerStreamHour, 2)}), start-up ${round(result.startupCpuPerStream, 2)} s per stream; ` +
      `whole run ${round(result.cpuPerStreamHour, 1)} s per stream-hour ` +
      `(ffmpeg ${round(result.ffmpegCpuPerStreamHour, 1)}, node ${round(result.nodeCpuPerStreamHour, 1)}); ` +
      `RSS ${round(result.rssMbPerStream, 1)} MB per stream; simulator ${round(result.simCpuPercent, 1)}% of a core`,
  );
  return result;
}

const caps = detectFfmpeg();
say(`recording benchmark: ${streams} cameras, ${seconds} s each way, ${caps.version}`);
const sim = await startSimulatorProcess(streams, credentials);
try {
  const simRssBefore = processRss(sim.child.pid!);
  const matthan = report('matthan', await recordWithMatthan(sim.port, sim.child.pid!));
  const bare = report(
    'bare ffmpeg',
    await recordWithBareFfmpeg(sim.port, sim.child.pid!, caps.binary, caps.socketTimeoutOption),
  );
  const simRss = Math.max(simRssBefore, processRss(sim.child.pid!));
  const simStats = await sim.stats();
  say(
    `simulator: ${simStats.framesSent} frames sent, ${simStats.framesDropped} dropped (clients too slow or the sender late)`,
  );
  if (childrenNamed(process.pid, 'ffmpeg').length > 0)
    say('warning: ffmpeg children still running');
  const ratio = matthan.steadyCpuPerStreamHour / bare.steadyCpuPerStreamHour;
  const wholeRatio = matthan.cpuPerStreamHour / bare.cpuPerStreamHour;
  say(
    `CPU ratio matthan / bare ffmpeg: ${round(ratio)} steady, ${round(wholeRatio)} over the whole run; recorder warnings ${quietLogger.warnings}, errors ${quietLogger.errors}`,
  );
  say(
    JSON.stringify({
      bench: 'recording',
      streams,
      seconds,
      cpu_ratio: round(ratio),
      cpu_s_per_stream_hour: round(matthan.steadyCpuPerStreamHour, 2),
      bare_cpu_s_per_stream_hour: round(bare.steadyCpuPerStreamHour, 2),
      node_cpu_s_per_stream_hour: round(matthan.steadyNodeCpuPerStreamHour, 2),
      startup_cpu_s_per_stream: round(matthan.startupCpuPerStream, 2),
      bare_startup_cpu_s_per_stream: round(bare.startupCpuPerStream, 2),
      whole_run_cpu_ratio: round(wholeRatio),
      rss_mb_per_stream: round(matthan.rssMbPerStream, 1),
      bare_rss_mb_per_stream: round(bare.rssMbPerStream, 1),
      lost_segments: matthan.lost,
      bare_lost_segments: bare.lost,
      segments: matthan.segments,
      bare_segments: bare.segments,
      coverage: round(matthan.covered),
      bare_coverage: round(bare.covered),
      sim_cpu_percent: round((matthan.simCpuPercent + bare.simCpuPercent) / 2, 1),
      sim_rss_mb: round(mb(simRss), 1),
      sim_frames_dropped: simStats.framesDropped,
      ffmpeg: caps.version,
    }),
  );
} finally {
  if (sim.child.exitCode === null) {
    const closed = new Promise((resolve) => sim.child.once('close', resolve));
    sim.child.kill('SIGINT');
    await closed;
  }
  rmSync(root, { recursive: true, force: true });
}
