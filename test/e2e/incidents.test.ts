import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { offsetPoint } from '../../web/src/map/geometry';
import { browserSuite, login, type E2eServer } from './browser';

// The officer's path through a case in Chromium, against cameras the demo records from its
// simulated RTSP streams: a click on the map next to a recording camera opens the case, the
// finder lists the camera as recorded, its footage is held and extracted, a package is built
// and downloaded, and `matthan verify` passes it — and names the clip once one byte changes.

const minuteMs = 60_000;

/** The demo's first recorded street camera of Tân Xuân 1, once it has `count` segments. */
async function recordingCamera(server: E2eServer, count: number) {
  const camera = await server.ctx.db.kysely
    .selectFrom('cameras')
    .select(['id', 'code', 'latitude', 'longitude', 'heading', 'range_m'])
    .where('recording_enabled', '=', 1)
    .where('consent_tier', '=', 'live_always')
    .where('code', 'like', 'TX1-%')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const deadline = Date.now() + 100_000;
  for (;;) {
    const rows = await server.ctx.db.kysely
      .selectFrom('segments')
      .select(['start_ms'])
      .where('camera_id', '=', camera.id)
      .where('state', '=', 'ok')
      .orderBy('start_ms')
      .execute();
    if (rows.length >= count) return { ...camera, firstSegmentMs: Number(rows[0]?.start_ms) };
    if (Date.now() > deadline) throw new Error(`${camera.code} has only ${rows.length} segments`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A `datetime-local` value in Vietnam time (UTC+7, no daylight saving). */
const vietnamInput = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);

interface VerifyRun {
  code: number;
  output: string;
}

function runVerify(zipPath: string): Promise<VerifyRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/matthan.ts', 'verify', zipPath],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** Every entry of a ZIP, in order, as name and bytes. */
async function readZip(path: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const entries: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  zip.close();
  return entries;
}

async function writeZip(path: string, entries: { name: string; data: Buffer }[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name);
  zip.end();
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve());
    zip.outputStream.on('error', reject);
  });
  await writeFile(path, Buffer.concat(chunks));
}

describe('incidents in the browser', () => {
  const suite = browserSuite(undefined, { recording: true });
  let camera: Awaited<ReturnType<typeof recordingCamera>>;
  let workDir: string;

  beforeAll(async () => {
    camera = await recordingCamera(suite.server, 3);
    workDir = await mkdtemp(join(tmpdir(), 'matthan-e2e-package-'));
  }, 120_000);
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("shows the server's refusal of a three-day window next to the time field", async () => {
    const { page } = suite.watched;
    suite.watched.expectFailure({ path: '/api/incidents', status: 400 });
    suite.watched.expectFailure({ path: '/api/finder', status: 400 });
    await login(page, 'police.xuandinh');
    const [lat, lng] = offsetPoint(camera.latitude, camera.longitude, camera.heading, 10);
    await page.goto(`/incidents/new?lat=${lat}&lng=${lng}`);
    const map = page.getByTestId('incident-map');
    await map.waitFor();
    const box = await map.boundingBox();
    if (!box) throw new Error('the incident map has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const toMs = Math.floor(Date.now() / minuteMs) * minuteMs;
    await page.locator('#incident-from').fill(vietnamInput(toMs - 3 * 24 * 3_600_000));
    await page.locator('#incident-to').fill(vietnamInput(toMs));
    await page.locator('#incident-description').fill('Gây rối trật tự');
    await page.getByTestId('incident-submit').click();
    const error = page.locator('[data-field-error=incident-from], [data-field-error=incident-to]');
    await error.first().waitFor();
    await expect(error.first().textContent()).resolves.toMatch(/\S/);
    expect(page.url()).toMatch(/\/incidents\/new/);
  });

  it('opens a case from the map, finds the recording camera, holds, extracts, packages and verifies', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');

    await page.goto('/incidents');
    await page.getByTestId('incident-new').waitFor();

    // Half the camera's range straight ahead of it, so the camera sees the place.
    const [lat, lng] = offsetPoint(
      camera.latitude,
      camera.longitude,
      camera.heading,
      camera.range_m / 2,
    );
    await page.goto(`/incidents/new?lat=${lat}&lng=${lng}`);
    const map = page.getByTestId('incident-map');
    await map.waitFor();
    const box = await map.boundingBox();
    if (!box) throw new Error('the incident map has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => map.getAttribute('data-point')).not.toBe('');

    const fromMs = Math.floor(camera.firstSegmentMs / minuteMs) * minuteMs - minuteMs;
    const toMs = Math.ceil(Date.now() / minuteMs) * minuteMs + minuteMs;
    await page.locator('#incident-from').fill(vietnamInput(fromMs));
    await page.locator('#incident-to').fill(vietnamInput(toMs));
    await page.locator('#incident-description').fill('Mất trộm xe máy trước ngõ');
    await page.locator('#incident-address').fill('Ngõ 27 Xuân Đỉnh');

    // The live preview lists the camera as recorded before the case exists.
    const preview = page.getByTestId('finder-preview');
    await preview
      .locator(`[data-testid=finder-group-recorded] [data-camera-code="${camera.code}"]`)
      .waitFor({ timeout: 20_000 });

    await page.getByTestId('incident-submit').click();
    await page.waitForURL(/\/incidents\/[^/]+$/);
    await expect(page.getByTestId('incident-case-number').textContent()).resolves.toMatch(/\S/);
    const row = page.locator(
      `[data-testid=finder-panel] [data-testid=finder-group-recorded] [data-camera-code="${camera.code}"]`,
    );
    await row.waitFor({ timeout: 20_000 });
    await expect(row.getByTestId('finder-sees').count()).resolves.toBe(1);
    await expect(row.getByTestId('coverage-bar').count()).resolves.toBe(1);

    // Hold: the held cameras are listed with the case's holds.
    await page.getByTestId('hold-open').click();
    await page.locator('#hold-reason').fill('Giữ hình phục vụ xác minh vụ trộm');
    await page.getByTestId('hold-submit').click();
    await page
      .locator('[data-testid=hold-row][data-active=true]', { hasText: camera.code })
      .waitFor({ timeout: 20_000 });

    // Extract: an evidence row with the clip's SHA-256.
    await row.getByTestId('finder-extract').click();
    const item = page.locator('[data-testid=evidence-row][data-kind=extract]').first();
    await item.waitFor({ timeout: 60_000 });
    await expect(item.getByTestId('evidence-sha256').getAttribute('data-sha256')).resolves.toMatch(
      /^[0-9a-f]{64}$/,
    );
    await item.locator('details summary').first().click();
    await expect
      .poll(() => item.getByTestId('custody-chain').getAttribute('data-ok'), { timeout: 10_000 })
      .toBe('true');

    // Package, downloaded with the page's own session.
    await page.getByTestId('package-create').click();
    const link = page.getByTestId('package-download').first();
    await link.waitFor({ timeout: 60_000 });
    const href = await link.getAttribute('href');
    if (!href) throw new Error('the package has no download link');
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    const zipPath = join(workDir, 'package.zip');
    await writeFile(zipPath, await response.body());

    const good = await runVerify(zipPath);
    expect(good.output).not.toBe('');
    expect(good.code, good.output).toBe(0);

    // One byte of a clip changed in a copy: verify fails and names the clip.
    const entries = await readZip(zipPath);
    const clip = entries.find((entry) => entry.name.startsWith('clips/'));
    if (!clip) throw new Error(`no clip in the package: ${entries.map((e) => e.name).join(', ')}`);
    const middle = Math.floor(clip.data.length / 2);
    clip.data[middle] = (clip.data[middle] ?? 0) ^ 0xff;
    const tamperedPath = join(workDir, 'tampered.zip');
    await writeZip(tamperedPath, entries);
    const bad = await runVerify(tamperedPath);
    expect(bad.code, bad.output).toBe(1);
    expect(bad.output).toContain(clip.name);
  }, 240_000);
});
