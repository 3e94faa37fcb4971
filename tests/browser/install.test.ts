// The app a council can roll out: Chromium finds it installable (Page.getInstallabilityErrors returns
// none), the manifest names what the install sheet shows, the browser's install offer becomes an
// "Install" button, and the built app opens without a single Content-Security-Policy report.
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  serverForSuite,
  signInSynced,
  waitForServiceWorkerControl,
} from './harness.ts';

interface CdpIssue {
  code: string;
  details: unknown;
}

/** Collects DevTools issues (CSP violations are reported there, even when the page catches the error). */
async function collectIssues(page: Page): Promise<{ cdp: CDPSession; issues: CdpIssue[] }> {
  const cdp = await page.context().newCDPSession(page);
  const issues: CdpIssue[] = [];
  cdp.on('Audits.issueAdded', (event: { issue: CdpIssue }) => issues.push(event.issue));
  await cdp.send('Audits.enable');
  return { cdp, issues };
}

describe('installable PWA', () => {
  const suite = serverForSuite();

  it('opens the sign-in screen and the signed-in app with no CSP report in the console', async () => {
    const page = await firstPage(await suite.launch('profile-csp'));
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const { issues } = await collectIssues(page);
    await signInSynced(page, suite.url(), DEMO_DUTY);
    await page.goto(`${suite.url()}/find`);
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    const cspIssues = issues.filter((issue) => issue.code === 'ContentSecurityPolicyIssue');
    expect(cspIssues, JSON.stringify(cspIssues)).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('passes Chromium’s installability check with a complete manifest', async () => {
    const page = await firstPage(await suite.launch('profile-install'));
    await signInSynced(page, suite.url(), DEMO_DUTY);
    await waitForServiceWorkerControl(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);

    const { url, errors, data } = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: { message: string }[];
      data: string;
    };
    expect(url).toMatch(/\/manifest\.webmanifest$/);
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data) as {
      id: string;
      display: string;
      icons: { sizes: string; purpose?: string; type: string }[];
      shortcuts: { name: string; url: string }[];
      screenshots: { form_factor?: string }[];
    };
    expect(manifest.id).toBe('/');
    expect(manifest.display).toBe('standalone');
    const maskable = manifest.icons.filter((icon) => icon.purpose === 'maskable').map((icon) => icon.sizes);
    expect(maskable.sort()).toEqual(['192x192', '512x512']);
    expect(manifest.icons.some((icon) => icon.type === 'image/svg+xml')).toBe(true);
    expect(manifest.shortcuts.map((shortcut) => [shortcut.name, shortcut.url])).toEqual([
      ['Find help', '/find'],
      ['Log a request', '/requests/new'],
    ]);
    expect(manifest.screenshots.map((shot) => shot.form_factor).sort()).toEqual(['narrow', 'wide']);
    // Every icon and screenshot the manifest names is there.
    for (const src of [...manifest.icons.map((icon) => (icon as { src?: string }).src)]) {
      const response = await page.request.get(new URL(src ?? '', suite.url()).toString());
      expect(response.status(), src).toBe(200);
    }
    const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect((await page.request.get(new URL(touchIcon ?? '', suite.url()).toString())).status()).toBe(200);
  });

  it('turns the browser’s install offer into an "Install" button', async () => {
    const page = await firstPage(await suite.launch('profile-install-button'));
    await signInSynced(page, suite.url(), DEMO_DUTY);
    // Headless Chromium does not offer installing by itself: the test plays the browser's part.
    await page.evaluate(() => {
      const offer = new Event('beforeinstallprompt', { cancelable: true });
      Object.assign(offer, {
        prompt: () => {
          document.body.dataset.installPrompted = 'yes';
          return Promise.resolve();
        },
        userChoice: Promise.resolve({ outcome: 'accepted' }),
      });
      window.dispatchEvent(offer);
    });
    const offer = page.getByRole('region', { name: 'Install the app' });
    await offer.getByRole('button', { name: 'Install' }).click();
    await expect.poll(() => page.evaluate(() => document.body.dataset.installPrompted)).toBe('yes');
    await offer.waitFor({ state: 'detached' });
  });
});
