import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/seed';
import { createContext } from '../../src/platform/bootstrap';
import { testConfig } from '../../src/platform/config';
import type { AppContext } from '../../src/platform/context';
import { buildApp, type App } from '../../src/platform/http/app';
import { startDemoCameras } from '../../src/sim/demo';
import type { Simulator } from '../../src/sim/rtsp-server';
import { createServer } from 'node:net';

/** Every demo account shares this password. */
export const DEMO_PASSWORD = 'matthan-demo';

/**
 * Tiles come from a path the server does not serve as images, as on a machine with no
 * network: the map must fall back to its plain background without a console error.
 */
export const OFFLINE_TILE_URL = '/tiles-offline/{z}/{x}/{y}.png';

export interface E2eServer {
  baseUrl: string;
  ctx: AppContext;
  app: App;
  close(): Promise<void>;
}

export interface ServerOptions {
  /**
   * Records the demo's recording cameras from simulated RTSP cameras on a free port (as
   * `npm start` does), for live view and playback; off by default (no ffmpeg).
   */
  recording?: boolean;
}

/** A TCP port free right now on loopback. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The real server, in this process, on a free port, with a fresh database and the demo data. */
export async function startServer(options: ServerOptions = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'matthan-e2e-'));
  const recording = options.recording ?? false;
  const simPort = recording ? await freePort() : undefined;
  const ctx = await createContext(
    testConfig({
      dataDir,
      demo: true,
      tileUrl: OFFLINE_TILE_URL,
      recording,
      ...(simPort ? { simPort } : {}),
    }),
  );
  await seedDemo(ctx);
  // The simulated cameras answer before the recorder starts, as under `npm start`.
  const simulator: Simulator | null = recording ? await startDemoCameras(ctx) : null;
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ctx,
    app,
    async close() {
      await app.close();
      await simulator?.close();
      await ctx.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.MATTHAN_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A browser response the test expects to fail, e.g. the 422 of a CSV import with bad rows. */
export interface ExpectedFailure {
  path: string;
  status: number;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far, minus declared expected failures. */
  problems: string[];
  /** Declares an API answer the test provokes on purpose, so its console line is not a problem. */
  expectFailure(failure: ExpectedFailure): void;
  close(): Promise<void>;
}

/**
 * A fresh browser context and page that records every console error and page error.
 * Chromium also logs "Failed to load resource" for each 4xx/5xx answer; those count as
 * problems too unless the test declared that exact path and status beforehand.
 */
export async function openPage(
  browser: Browser,
  server: E2eServer,
  device: { viewport: { width: number; height: number }; hasTouch?: boolean } = {
    viewport: { width: 1280, height: 800 },
  },
): Promise<WatchedPage> {
  const context = await browser.newContext({
    ...device,
    baseURL: server.baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  const expected: ExpectedFailure[] = [];
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const text = message.text();
    const declared = expected.some(
      (failure) => url.includes(failure.path) && text.includes(`status of ${failure.status}`),
    );
    if (!declared) problems.push(`console: ${text} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    page,
    context,
    problems,
    expectFailure: (failure) => expected.push(failure),
    close: () => context.close(),
  };
}

/** Logs in through the form and waits until the app shell shows the user. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('.login-card form button[type=submit]').click();
  await page.getByTestId('current-user').waitFor({ state: 'attached' });
}

/** Waits until the map says how many cameras it shows, and returns that number. */
export async function waitForMapCameras(page: Page): Promise<number> {
  // A string, not a function: it runs in the page, whose DOM types this project does not load.
  await page.waitForFunction(
    "document.querySelector('[data-testid=camera-map]')?.getAttribute('data-loaded') === 'true'",
  );
  return Number(await page.getByTestId('map-count').getAttribute('data-count'));
}

/** Camera layers Leaflet actually drew (those clipped outside the view have an empty path). */
export const drawn = (selector: string) => `${selector}:not([d="M0 0"])`;

export interface BrowserSuite {
  server: E2eServer;
  browser: Browser;
  watched: WatchedPage;
}

/**
 * Registers the hooks every end-to-end file needs: one server and one browser per file, and
 * for each test a fresh watched page whose console and page errors fail that test.
 */
export function browserSuite(
  device?: Parameters<typeof openPage>[2],
  options: ServerOptions = {},
): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startServer(options);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  beforeEach(async () => {
    suite.watched = await openPage(suite.browser, suite.server, device);
  });
  afterEach(async () => {
    const problems = [...suite.watched.problems];
    await suite.watched.close();
    expect(problems).toEqual([]);
  });
  return suite;
}
