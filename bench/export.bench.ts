// The export benchmark: a ten-minute download made from 60 ten-second segments (the
// simulator's clip cut by ffmpeg's segment muxer, as the recorder cuts) by matthan's download
// path (index query, file checks, then the MP4 joiner: the segments' media bytes copied as
// they are under one new index written first, into the export folder), against `cat` of the
// same 60 files into one file, in the same run on the same disk. Each export is fresh (a new export folder, so nothing is reused); the median of several
// runs is reported. The last line is one JSON object.
//
//   npm run bench:export -- [--runs 7]
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../src/auth/actor';
import { createContext } from '../src/platform/bootstrap';
import { testConfig } from '../src/platform/config';
import { ffprobeBinary } from '../src/platform/ffmpeg';
import type { Logger } from '../src/platform/supervisor';
import { ExportCache } from '../src/playback/export-cache';
import { JobGate, prepareDownload } from '../src/playback/download.service';
import { RecentAudits } from '../src/playback/footage-access';
import { seedTestUnits } from '../test/helpers/fixtures';
import {
  createFootageCamera,
  makeSegmentFiles,
  placeSegments,
} from '../test/integration/playback-fixtures';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

const segments = 60;
const segmentSeconds = 10;
const say = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (details, message) => say(`warn: ${message} ${JSON.stringify(details)}`),
  error: (details, message) => say(`error: ${message} ${JSON.stringify(details)}`),
};

/** `cat` of the files into `output`, as a plain copy of the same bytes would be done. */
function cat(files: string[], output: string): Promise<void> {
  const fd = openSync(output, 'w');
  return new Promise<void>((resolve, reject) => {
    const child = spawn('cat', files, { stdio: ['ignore', fd, 'inherit'] });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`cat exit ${code}`))));
  }).finally(() => closeSync(fd));
}

async function probeSeconds(file: string): Promise<number> {
  const child = spawn(ffprobeBinary(), [
    ...['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file],
  ]);
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await new Promise((resolve) => child.once('close', resolve));
  return Number(text.trim());
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'matthan-bench-export-'));
  const footage = await makeSegmentFiles(segments, segmentSeconds);
  const ctx = await createContext(testConfig({ dataDir: root, recording: false }));
  try {
    await seedTestUnits(ctx);
    const owner = 'bench-owner';
    await ctx.db.kysely
      .insertInto('users')
      .values({
        id: owner,
        username: 'bench.owner',
        display_name: 'bench',
        password_hash: 'x',
        role: 'camera_owner',
        jurisdiction_id: null,
        phone: null,
        email: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const h = { ctx };
    const cameraId = await createFootageCamera(h, 'BENCH-1', owner);
    const startMs = Date.parse('2025-03-01T00:00:00Z');
    const placed = await placeSegments(h, cameraId, footage.files, startMs, {
      seconds: segmentSeconds,
    });
    const files = placed.map((segment) => segment.path);
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    const actor: Actor = {
      id: owner,
      username: 'bench.owner',
      displayName: 'bench',
      role: 'camera_owner',
      jurisdictionId: null,
      scopePath: null,
      via: 'session',
    };
    const query = {
      from: new Date(startMs).toISOString(),
      to: new Date(startMs + segments * segmentSeconds * 1000).toISOString(),
    };

    const exportOnce = async (run: number) => {
      // A new export folder each time: the cache cannot answer, the export is made afresh.
      const dir = join(root, `exports-${run}`);
      const state = {
        cache: new ExportCache(dir),
        gate: new JobGate(1),
        recent: new RecentAudits(60_000, false),
      };
      const started = performance.now();
      const download = await prepareDownload(ctx, actor, cameraId, query, {
        state,
        logger: quiet,
        ip: '127.0.0.1',
      });
      const elapsed = performance.now() - started;
      await download.file.close();
      return { elapsed, dir, size: download.size, path: join(dir, readdirOne(dir)) };
    };
    const catOnce = async (run: number) => {
      const output = join(root, `cat-${run}.bin`);
      const started = performance.now();
      await cat(files, output);
      const elapsed = performance.now() - started;
      rmSync(output, { force: true });
      return elapsed;
    };

    // One of each to warm the page cache and the code; then alternate so both see the same disk.
    const warm = await exportOnce(0);
    const seconds = await probeSeconds(warm.path);
    say(
      `export of ${segments} segments (${(bytes / 1e6).toFixed(1)} MB): ${(warm.size / 1e6).toFixed(1)} MB, ${seconds.toFixed(2)} s by ffprobe`,
    );
    rmSync(warm.dir, { recursive: true, force: true });
    await catOnce(0);
    const exportMs: number[] = [];
    const catMs: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const made = await exportOnce(run);
      rmSync(made.dir, { recursive: true, force: true });
      exportMs.push(made.elapsed);
      catMs.push(await catOnce(run));
      say(`run ${run}: export ${made.elapsed.toFixed(1)} ms, cat ${catMs.at(-1)!.toFixed(1)} ms`);
    }
    const exportMedian = median(exportMs);
    const catMedian = median(catMs);
    say(
      JSON.stringify({
        bench: 'export',
        segments,
        export_ms: Number(exportMedian.toFixed(1)),
        cat_ms: Number(catMedian.toFixed(1)),
        ratio: Number((exportMedian / catMedian).toFixed(2)),
      }),
    );
  } finally {
    await ctx.db.close();
    await footage.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

function readdirOne(dir: string): string {
  const name = readdirSync(dir).find((entry) => entry.endsWith('.mp4'));
  if (!name) throw new Error(`no export in ${dir}`);
  return name;
}

await main();
