import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import { ffprobeBinary } from '../../src/platform/ffmpeg';
import { probeFile } from '../../src/recording/reconcile-probe';
import { startSimulator, type Simulator } from '../../src/sim/rtsp-server';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';

// `kill -9` of a recording server, then a restart: the index and the disk must agree, and at
// most the segment being written when the server died may be lost.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'matthan.js');

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const servers = new Set<ChildProcess>();

function serve(dataDir: string, databaseUrl: string | undefined): Server {
  const args = [bin, 'serve', '--port', '0', '--data-dir', dataDir, '--secret-key', '0'.repeat(64)];
  if (databaseUrl) args.push('--database-url', databaseUrl);
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      MATTHAN_RECORDING: 'true',
      MATTHAN_LOG_LEVEL: 'info',
      MATTHAN_MIN_FREE_BYTES: '0',
      MATTHAN_RETENTION_INTERVAL_SECONDS: '3600',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.add(child);
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      servers.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => text, exited };
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** ffmpeg processes recording into this data folder (the killed server's orphans). */
async function recordersIn(dataDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('ffmpeg') && cmdline.includes(dataDir)) pids.push(Number(entry));
  }
  return pids;
}

function killPids(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

function reconcileLine(output: string): Record<string, number | string> | null {
  const line = output
    .split('\n')
    .find((l) => l.includes('"reconciled media folder and segment index"'));
  return line ? (JSON.parse(line) as Record<string, number | string>) : null;
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else found.push(path);
  }
  return found;
}

describeEachDatabase('kill -9 while recording', (harness) => {
  let sim: Simulator;
  let cameraId: string;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, cameras: 1 });
    const { ctx } = harness();
    await seedTestUnits(ctx);
    [cameraId] = (await createCameras(ctx, null, [
      {
        code: 'CRASH-1',
        name: 'Camera CRASH-1',
        ownerKind: 'ward',
        jurisdictionId: unitIds.tanXuan1,
        latitude: 21.0752,
        longitude: 105.7871,
        heading: 90,
        fov: 90,
        rangeM: 30,
        mainStreamUrl: sim.url(1),
        recordingEnabled: true,
      },
    ])) as [string];
  });
  afterEach(async () => {
    for (const child of servers) child.kill('SIGKILL');
    killPids(await recordersIn(harness().dataDir));
  });
  afterAll(async () => {
    await sim?.close();
  });

  const rows = () =>
    harness()
      .ctx.db.kysely.selectFrom('segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .orderBy('start_ms')
      .execute();

  it('loses at most the segment in progress, and index and disk agree after restart', async () => {
    const { dataDir, ctx } = harness();
    const media = ctx.config.mediaDir!;
    const first = serve(dataDir, ctx.config.databaseUrl);
    const before = await until(
      'two indexed segments',
      async () => ((await rows()).length >= 2 ? rows() : null),
      60_000,
    );

    first.child.kill('SIGKILL');
    await first.exited;
    // The orphaned ffmpeg loses its pipes and ends; wait for that, bounded, before restarting.
    await until(
      'the killed server’s ffmpeg to end',
      async () => ((await recordersIn(dataDir)).length === 0 ? true : null),
      15_000,
    ).catch(async () => killPids(await recordersIn(dataDir)));
    const indexedAtKill = (await rows()).map((row) => row.id);
    // The restarted server only reconciles: with the camera's recording off, what is on disk
    // afterwards is what the crash and reconcile left, not new footage.
    await ctx.db.kysely
      .updateTable('cameras')
      .set({ recording_enabled: 0 })
      .where('id', '=', cameraId)
      .execute();

    const second = serve(dataDir, ctx.config.databaseUrl);
    const report = await until(
      'reconcile',
      () => Promise.resolve(reconcileLine(second.output())),
      30_000,
    );
    second.child.kill('SIGTERM');
    await second.exited;

    // At most the segment being written was lost; nothing indexed before the kill went missing.
    expect(report.quarantined ?? 0, second.output()).toBeLessThanOrEqual(1);
    expect(report.missing).toBe(0);
    // The start-up pass read the recent folders (the recording is minutes old) and no more.
    expect(report).toMatchObject({ kind: 'startup', failedCameras: 0, deferredDayFolders: 0 });
    const after = await rows();
    expect(after.map((row) => row.id)).toEqual(expect.arrayContaining(indexedAtKill));
    expect(after.length).toBeGreaterThanOrEqual(before.length);

    // Every indexed file exists, has the indexed size, and ffprobe reads it.
    const probe = ffprobeBinary();
    for (const row of after) {
      expect(row.state).toBe('ok');
      const file = join(media, row.path);
      expect((await stat(file)).size).toBe(Number(row.bytes));
      expect(await probeFile(probe, file), row.path).not.toBeNull();
    }
    // Every finished file on disk is indexed; nothing is left in progress.
    const indexed = new Set(after.map((row) => join(media, row.path)));
    const onDisk = (await filesUnder(join(media, 'segments', cameraId))).filter((file) =>
      file.endsWith('.mp4'),
    );
    expect(onDisk.filter((file) => !indexed.has(file))).toEqual([]);
  }, 150_000);
});
