// Makes the PNGs the install sheet and home screens show, into public/: maskable icons (the shield
// inside the safe zone of a full-bleed square, public/icon-maskable.svg), the Apple touch icon (opaque:
// iOS fills transparency with black) and two screenshots of the real app (a phone and a wide screen)
// for the richer install dialog. Chromium draws them all. Run after `vite build`:
//   npx tsx tests/support/makeInstallAssets.ts
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  DEMO_DUTY,
  FULL_CHROMIUM_PATH,
  makeTempDir,
  removeTempDirs,
  startServer,
} from '../browser/harness.ts';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));

async function drawSvg(page: Page, svgFile: string, size: number, outFile: string): Promise<void> {
  const svg = await readFile(`${PUBLIC}${svgFile}`, 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:#0b4f6c}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `${PUBLIC}${outFile}`, omitBackground: false });
  console.log(`public/${outFile}`);
}

async function screenshotApp(url: string, width: number, height: number, outFile: string): Promise<void> {
  const browser = await chromium.launchPersistentContext(await makeTempDir('install-assets'), {
    executablePath: FULL_CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(url);
    await page.getByLabel('Username').fill(DEMO_DUTY.username);
    await page.getByLabel('Password').fill(DEMO_DUTY.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('region', { name: 'Sync status' })
      .getByText(/Last synced/)
      .waitFor({ timeout: 60_000 });
    await page.goto(`${url}/find`);
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    await page.getByRole('button', { name: 'Food', exact: true }).click();
    await page.getByLabel('Where?').selectOption({ index: 1 });
    await page.locator('.ranked, ol li').first().waitFor();
    await page.screenshot({ path: `${PUBLIC}${outFile}` });
    console.log(`public/${outFile}`);
  } finally {
    await browser.close();
  }
}

const browser = await chromium.launch({ executablePath: FULL_CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await drawSvg(page, 'icon-maskable.svg', 192, 'icon-maskable-192.png');
  await drawSvg(page, 'icon-maskable.svg', 512, 'icon-maskable-512.png');
  await drawSvg(page, 'icon-maskable.svg', 180, 'apple-touch-icon.png');
} finally {
  await browser.close();
}

const server = await startServer();
try {
  await screenshotApp(server.url, 390, 844, 'screenshot-phone.png');
  await screenshotApp(server.url, 1280, 800, 'screenshot-wide.png');
} finally {
  await server.stop();
  await removeTempDirs();
}
