// Shared harness for the browser tests: starts the real server (PGlite in a temp folder) as a child
// process, launches the system Chromium on a persistent profile with the flags known to work here,
// and drives the steps every test needs (sign in, wait for the first sync and for the service worker
// to control the page).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { chromium, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { copyPgliteTemplate } from '../support/pgliteTemplate.ts';

/** The repository root: the server resolves dist/ and src/ from here. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 90_000;
const READY_LINE = /Resilience Hub \S+ on http:\/\/localhost:(\d+)/;

/** The full Chromium (Debian's package), for what should look or measure as a person's browser does. */
export const FULL_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's Chromium headless shell when it is installed (`.ci/run` installs it): the same engine
 * without the desktop browser's extra processes, as Playwright itself uses for headless runs; it
 * spends markedly less CPU, and the test run is CPU-bound. Otherwise the full Chromium.
 */
export const CHROMIUM_PATH = existsSync('/usr/bin/chromium-headless-shell')
  ? '/usr/bin/chromium-headless-shell'
  : FULL_CHROMIUM_PATH;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DEMO_DUTY = { username: 'duty', password: 'demo-duty-2026' } as const;

/** Temp folders made by this harness, removed by `removeTempDirs` (call it in afterAll). */
const tempDirs = new Set<string>();

export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `resilience-hub-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

/** A temp data folder already holding a migrated PGlite database (see pgliteTemplate.ts). */
export async function makeDataDir(prefix: string, options: { withDemo?: boolean } = {}): Promise<string> {
  const dir = await makeTempDir(prefix);
  await copyPgliteTemplate(dir, { holding: options.withDemo ? 'withDemo' : 'migrated' });
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  const dirs = [...tempDirs];
  tempDirs.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
}

/** A port nobody listens on right now: bind port 0, read the port the system chose, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('could not read the probe port'));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

export interface RunningServer {
  /** http://127.0.0.1:<port> — a secure context, so the service worker registers. */
  url: string;
  dataDir: string;
  /** The server's process id (the benchmarks read its CPU time). */
  pid: number | undefined;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a power cut would. */
  kill(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(
  options: { dataDir?: string; env?: Record<string, string>; repoRoot?: string; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? (await makeTempDir('data'));
  // An empty PGlite folder starts from the migrated template, holding the demo already when the server
  // is to seed it (it then finds it there); a server on PostgreSQL needs no folder.
  const seedsDemo = (options.env?.SEED_DEMO ?? 'true') === 'true';
  if (!options.env?.DATABASE_URL)
    await copyPgliteTemplate(dataDir, { holding: seedsDemo ? 'withDemo' : 'migrated' });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/server/main.ts'],
    {
      cwd: options.repoRoot ?? REPO_ROOT,
      // Tests sign in as the demo people, on PostgreSQL too (where the server seeds only when asked).
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'true', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = waitForExit(child);
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(force);
    }
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `The server did not say it was ready within ${READY_TIMEOUT_MS / 1000} s. Its output:\n${output}`,
          ),
        );
      }, READY_TIMEOUT_MS);
      const onData = () => {
        if (READY_LINE.test(output)) {
          cleanup();
          resolve();
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        reject(
          new Error(
            `The server exited before it was ready (code ${code}, signal ${signal}). Its output:\n${output}`,
          ),
        );
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
      };
      child.stdout?.on('data', onData);
      child.on('exit', onExit);
      onData();
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const kill = async () => {
    const exited = waitForExit(child);
    child.kill('SIGKILL');
    await exited;
  };
  return { url: `http://127.0.0.1:${port}`, dataDir, pid: child.pid, output: () => output, stop, kill };
}

interface LaunchOptions {
  offline?: boolean;
  viewport?: { width: number; height: number };
  /** 'block' stands for a phone whose service worker never finished installing. */
  serviceWorkers?: 'allow' | 'block';
  /** The full Chromium even where the headless shell is installed: the benchmarks measure in it, as
   * every figure the README reports was. */
  fullChromium?: boolean;
}

export async function launchBrowser(
  profileDir: string,
  options: LaunchOptions = {},
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: options.fullChromium ? FULL_CHROMIUM_PATH : CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    offline: options.offline ?? false,
    serviceWorkers: options.serviceWorkers ?? 'allow',
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  reportOnFailure(context);
  return context;
}

/**
 * When the test that launched this browser fails, adds to its error what its pages said (errors and
 * warnings in the console, uncaught errors) and what the first page showed: a failure seen once in CI
 * can then be read rather than guessed at. It goes into the error itself because CI keeps only the end
 * of a run's output, where the failures are summed up. Browsers launched outside a test (in beforeAll)
 * are not followed.
 */
function reportOnFailure(context: BrowserContext): void {
  const said: string[] = [];
  const note = (line: string) => said.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      note(`console.${message.type()}: ${message.text()}`);
  });
  context.on('weberror', (error) => note(`uncaught: ${String(error.error())}`));
  // Requests still unanswered at the failure: a screen whose code never arrived shows here.
  const inFlight = new Map<Request, string>();
  context.on('request', (request) =>
    inFlight.set(request, `${new Date().toISOString().slice(11, 23)} ${request.method()} ${request.url()}`),
  );
  context.on('requestfinished', (request) => inFlight.delete(request));
  context.on('requestfailed', (request) => {
    inFlight.delete(request);
    note(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`);
  });
  try {
    onTestFailed(async ({ task }) => {
      const page = context.pages()[0];
      const shown = page
        ? await page
            .evaluate(() => `${location.href}\n${document.body.innerText.slice(0, 1_000)}`)
            .catch((error: unknown) => `(the page could not be read: ${String(error)})`)
        : '(no page open)';
      const waiting = [...inFlight.values()].slice(0, 10);
      const report = [
        '--- the browser, at the failure ---',
        ...said.slice(-20),
        ...(waiting.length > 0 ? ['--- requests not answered ---', ...waiting] : []),
        '--- it showed ---',
        shown,
        '---',
      ].join('\n');
      const error = task.result?.errors?.[0];
      if (error) error.message += `\n${report}`;
      else process.stderr.write(`\n${report}\n`);
    });
  } catch {
    // Not inside a test: nothing to report to.
  }
}

/** The page a persistent context opens with, or a new one. */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** Fills the sign-in form as a person would and presses "Sign in". Does not wait for the result. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to Resilience Hub' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The signed-in shell's tab bar: showing means someone is signed in. */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

/** Signs in and waits until the signed-in shell (the tab bar) shows. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await submitSignIn(page, username, password);
  await mainNav(page).waitFor();
}

/** Opens a screen by name: from the tab bar, or from More when it is not a tab. */
export async function openNav(page: Page, name: string): Promise<void> {
  // The tab bar first: a screen just unlocked or signed in may not have drawn it yet.
  await mainNav(page).waitFor();
  const tab = mainNav(page).getByRole('link', { name, exact: true });
  if ((await tab.count()) > 0) {
    await tab.click();
    return;
  }
  await mainNav(page).getByRole('link', { name: 'More', exact: true }).click();
  const more = page.getByRole('navigation', { name: 'More' });
  await more.waitFor();
  await more.getByRole('link', { name: name === 'Partners' ? 'Partners A–Z' : name, exact: true }).click();
}

/** Signs out as a person would: More, then "Sign out". */
export async function signOut(page: Page): Promise<void> {
  await openNav(page, 'More');
  await page.getByRole('button', { name: 'Sign out' }).click();
}

/** Opens the sync detail under the indicator (if closed) and presses "Sync now". */
export async function pressSyncNow(page: Page): Promise<void> {
  const region = page.getByRole('region', { name: 'Sync status' });
  const indicator = region.locator('button.sync-indicator');
  const button = region.getByRole('button', { name: 'Sync now' });
  // The detail can close under the hand that opened it (the app moving to another screen just after a
  // sign-in, on a busy machine): opened again, and pressed once it is enabled (not while a sync runs,
  // which on a busy machine can take tens of seconds), for up to 90 s in all.
  const giveUpAt = Date.now() + 90_000;
  for (;;) {
    if ((await indicator.getAttribute('aria-expanded')) !== 'true') await indicator.click();
    const pressed = await button.click({ timeout: 5_000 }).then(
      () => true,
      (error: unknown) => {
        if (Date.now() > giveUpAt) throw error;
        return false;
      },
    );
    if (pressed) break;
  }
  // The button is unavailable while that sync runs: wait to see it (a very quick sync may finish first),
  // so a caller waiting for "Last synced" does not read the line from before this sync.
  await page
    .waitForFunction(
      (element) => element instanceof HTMLButtonElement && element.getAttribute('aria-disabled') === 'true',
      await button.elementHandle(),
      { timeout: 3_000 },
    )
    .catch(() => undefined);
}

/**
 * Waits until a service worker is active and controls this page: `navigator.serviceWorker.ready`,
 * then reloads (a few times at most) while `navigator.serviceWorker.controller` is still null.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (controlled) return;
    await page.reload();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }
  throw new Error(
    'The service worker never took control of the page (navigator.serviceWorker.controller stayed null).',
  );
}

/**
 * The server one describe block's tests share, started before its first test. After its last, every
 * browser opened with `launch` closes, the server stops and the temp folders go. Call it in a describe.
 */
export function serverForSuite(): {
  url: () => string;
  launch: (profile: string, options?: LaunchOptions) => Promise<BrowserContext>;
} {
  let server: RunningServer | undefined;
  const browsers: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.stop();
    await removeTempDirs();
  });
  return {
    url: () => {
      if (!server) throw new Error('server not started');
      return server.url;
    },
    launch: async (profile, options) => {
      const browser = await launchBrowser(await makeTempDir(profile), options);
      browsers.push(browser);
      return browser;
    },
  };
}

/** The sync status line: "Online · Last synced … · All changes synced" (read aloud; shown on a tap). */
export function syncStatus(page: Page): Locator {
  // The status line ("Online · Syncing… · …"), not the bar's other live region (what needs the person).
  return page
    .getByRole('region', { name: 'Sync status' })
    .getByRole('status')
    .filter({ hasText: /^(Online|Offline) · / });
}

/** Waits until a first sync has finished on a freshly signed-in page. */
export async function waitForSynced(page: Page): Promise<void> {
  await syncStatus(page)
    .filter({ hasText: /Last synced/ })
    .waitFor({ timeout: 60_000 });
}

/** Opens the app, signs in and waits for the first sync to finish. */
export async function signInSynced(
  page: Page,
  url: string,
  user: { username: string; password: string },
): Promise<void> {
  await page.goto(url);
  await signIn(page, user.username, user.password);
  await waitForSynced(page);
}

/**
 * As signInSynced, then waits for the service worker to control the page (it may reload it) and the
 * signed-in shell to show again: from here the app opens with the network off.
 */
export async function signInReadyOffline(
  page: Page,
  url: string,
  user: { username: string; password: string },
): Promise<void> {
  await signInSynced(page, url, user);
  await waitForServiceWorkerControl(page);
  await mainNav(page).waitFor();
}
