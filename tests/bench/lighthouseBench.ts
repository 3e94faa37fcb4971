// lighthouse.<page>.{performance,accessibility,bestPractices,lcp}: Lighthouse's mobile run (simulated
// slow 4G and a 4× slower CPU, its defaults) on the system Chromium, against the built app in dist/ on a
// fresh server. Sign-in is measured cold (storage cleared, as a first visit); Find help and Log a request
// as a signed-in person opens them (storage kept: the service worker and the synced copy are there).
// offline.reload.findHelp: ms from reload to the need buttons on Find help with the network off.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  DEMO_DUTY,
  FULL_CHROMIUM_PATH,
  firstPage,
  launchBrowser,
  makeTempDir,
  removeTempDirs,
  signInReadyOffline,
  startServer,
} from '../browser/harness.ts';
import { percentile, round, type BenchResult } from './measure.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OFFLINE_RUNS = 7;

const PAGES = [
  { key: 'signIn', path: '/', signedIn: false },
  { key: 'findHelp', path: '/find', signedIn: true },
  { key: 'logRequest', path: '/requests/new', signedIn: true },
] as const;

async function signInThere(port: number, url: string): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const page = await context.newPage();
    await signInReadyOffline(page, url, DEMO_DUTY);
    await page.close();
  } finally {
    await browser.close().catch(() => undefined);
  }
}

async function lighthouseRuns(url: string): Promise<BenchResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: FULL_CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    userDataDir: await makeTempDir('lighthouse-profile'),
  });
  const results: BenchResult[] = [];
  let signedIn = false;
  try {
    for (const page of PAGES) {
      if (page.signedIn && !signedIn) {
        await signInThere(chrome.port, url);
        signedIn = true;
      }
      const run = await lighthouse(`${url}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        disableStorageReset: page.signedIn,
      });
      const lhr = run?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${page.path}`);
      const score = (id: string) => round((lhr.categories[id]?.score ?? NaN) * 100, 0);
      results.push(
        { name: `lighthouse.${page.key}.performance`, value: score('performance'), unit: 'score' },
        { name: `lighthouse.${page.key}.accessibility`, value: score('accessibility'), unit: 'score' },
        { name: `lighthouse.${page.key}.bestPractices`, value: score('best-practices'), unit: 'score' },
        {
          name: `lighthouse.${page.key}.lcp`,
          value: round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN, 0),
          unit: 'ms',
        },
      );
      const failing = Object.values(lhr.audits)
        .filter(
          (audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative',
        )
        .map((audit) => audit.id);
      if (failing.length > 0) console.log(`  ${page.key}: audits below 90: ${failing.join(', ')}`);
    }
  } finally {
    chrome.kill();
  }
  return results;
}

async function offlineReload(url: string): Promise<BenchResult> {
  const context = await launchBrowser(await makeTempDir('offline-reload'), { fullChromium: true });
  try {
    const page = await firstPage(context);
    await signInReadyOffline(page, url, DEMO_DUTY);
    await page.goto(`${url}/find`);
    const food = page.getByRole('button', { name: 'Food', exact: true });
    await food.waitFor();
    await context.setOffline(true);
    const samples: number[] = [];
    for (let i = 0; i < OFFLINE_RUNS + 1; i += 1) {
      const start = performance.now();
      await page.reload({ waitUntil: 'commit' });
      await food.waitFor();
      if (i > 0) samples.push(performance.now() - start); // the first one warms up
    }
    return { name: 'offline.reload.findHelp', value: round(percentile(samples, 50), 0), unit: 'ms (median)' };
  } finally {
    await context.close();
  }
}

export async function benchLighthouse(): Promise<BenchResult[]> {
  if (!existsSync(`${REPO_ROOT}dist/index.html`)) execFileSync('npx', ['vite', 'build'], { cwd: REPO_ROOT });
  const server = await startServer();
  try {
    return [...(await lighthouseRuns(server.url)), await offlineReload(server.url)];
  } finally {
    await server.stop();
    await removeTempDirs();
  }
}
