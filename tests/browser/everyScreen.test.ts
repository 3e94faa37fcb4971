// Every screen, not a sample: the routes are read from src/app/routes.tsx, so a new screen is checked
// as soon as it has a route (and a route whose address needs a kind of id this test cannot fill fails
// here, asking for one). On a 320 × 640 phone, signed in as an admin (who sees every screen): the page
// never scrolls sideways, every checkbox and radio is the same small square beside its label, and axe
// finds no WCAG 2.2 AA violations, and every name typed in Arabic or Hebrew (a partner, a contact, an
// incident, a resident, a note) is isolated from the English around it, without a flex box running the
// words beside it together. Offline, every screen still opens under its own heading and fits.
// Then the states no address reaches: an error the server names beside a field, the public directory
// (outside the app) and the idle lock.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_DUTY, firstPage, serverForSuite, signInSynced } from './harness.ts';
import {
  PHONE_SCREEN,
  axeViolations,
  misdrawnChoices,
  pageWidth,
  splitLines,
  unisolatedText,
} from './pageChecks.ts';
import { logRequest, serverRecords } from './requestSteps.ts';
import { seedRequests } from './seedRequests.ts';
import { MIXED_SCRIPT, seedMixedScripts } from './seedMixedScripts.ts';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;

/** The path patterns in routes.tsx, in order, as written there. */
function routePatterns(): RegExp[] {
  const source = readFileSync(new URL('../../src/app/routes.tsx', import.meta.url), 'utf8');
  return [...source.matchAll(/pattern: \/(\^.*?\$)\/,/g)].map((match) => new RegExp(match[1]!));
}

/** A real address for a pattern: its "([^/]+)" filled with an id of the kind its first segment names. */
function samplePath(pattern: RegExp, ids: Record<string, string>): string {
  const path = pattern.source.replace(/^\^/, '').replace(/\$$/, '').replace(/\\\//g, '/');
  const kind = /^\/([a-z-]+)\//.exec(path)?.[1] ?? '';
  if (!path.includes('([^/]+)')) return path;
  const id = ids[kind];
  if (!id) throw new Error(`no sample id for the route ${pattern.source}: add one for "${kind}" here`);
  return path.replace('([^/]+)', encodeURIComponent(id));
}

/** The id of someone who can sign in (the duty officer), read through the people API as the admin. */
async function aPersonId(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEMO_ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const people = await fetch(`${url}/api/admin/users`, { headers: { Authorization: `Bearer ${token}` } });
  const { users } = (await people.json()) as { users: { id: string; username: string }[] };
  const duty = users.find((user) => user.username === DEMO_DUTY.username);
  if (!duty) throw new Error('the demo duty officer is not in the people list');
  return duty.id;
}

/**
 * Goes to an address inside the running app, as a tap on a link does, and waits for the new screen's
 * heading. Loading each address afresh would start the app over for every screen (seconds each);
 * deep links are tested elsewhere. The app draws each address's screen afresh (keyed by path), so the
 * heading left marked here is gone once the new screen is up: the checks never read the old one.
 */
async function openInApp(page: Page, path: string, timeout?: number): Promise<void> {
  await page.evaluate((to) => {
    document.querySelector('main h1')?.setAttribute('data-left-behind', '');
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.locator('main h1:not([data-left-behind])').first().waitFor({ timeout });
}

describe('every screen at 320 px', () => {
  const { url, launch } = serverForSuite();
  const patterns = routePatterns();
  let page: Page | undefined;
  let ids: Record<string, string> = {};

  it('reads the routes, signs in as an admin and logs a request to look at', async () => {
    expect(patterns.length, 'routes found in routes.tsx').toBeGreaterThanOrEqual(20);
    // An incident with requests (for its dashboard and report), pushed before the admin's first pull.
    const { incident } = await seedRequests(url(), DEMO_DUTY.username, DEMO_DUTY.password);
    // Records named in Arabic and Hebrew, for the pages of a partner, a contact and a request to show.
    const mixed = await seedMixedScripts(url(), DEMO_ADMIN, incident.id);
    page = await firstPage(await launch('profile-every-screen', { viewport: PHONE_SCREEN }));
    await signInSynced(page, url(), DEMO_ADMIN);
    await logRequest(page, { name: 'Every RQ' });
    // A review round to look at: started with the form's defaults.
    await page.goto(`${url()}/review`);
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('heading', { level: 1, name: /^Quarterly review \d{4} Q\d$/ }).waitFor();
    const reviewId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const records = await serverRecords(url(), DEMO_DUTY.username, DEMO_DUTY.password);
    const first = (entity: string) => records.find((change) => change.entity === entity)?.id ?? '';
    ids = {
      partners: mixed.partnerId,
      contacts: mixed.contactId,
      parishes: first('parish'),
      requests: mixed.requestId,
      people: await aPersonId(url()),
      dashboard: incident.id,
      incidents: incident.id,
      review: reviewId,
    };
  });

  for (const pattern of patterns) {
    it(`${pattern.source}: fits the screen, tick boxes drawn alike, no axe violations, typed names isolated`, async () => {
      if (!page) throw new Error('an earlier step did not sign in');
      const path = samplePath(pattern, ids);
      await openInApp(page, path);
      // Screens read IndexedDB after their first draw: wait until none says it is loading.
      await page
        .locator('main [role="status"]')
        .filter({ hasText: /^(Loading|Opening)/ })
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 })
        .catch(() => undefined);
      const width = await pageWidth(page);
      expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(PHONE_SCREEN.width);
      expect(
        await misdrawnChoices(page),
        `${path}: checkboxes and radios not drawn as small squares`,
      ).toEqual([]);
      expect(await axeViolations(page), path).toEqual([]);
      expect(
        await unisolatedText(page, Object.values(MIXED_SCRIPT), { wholeValues: path === '/audit' }),
        `${path}: typed names not isolated`,
      ).toEqual([]);
      expect(await splitLines(page), `${path}: words run into a name in a flex box`).toEqual([]);
    });
  }

  it('offline, every screen still opens under its own heading and fits the screen', async () => {
    if (!page) throw new Error('an earlier step did not sign in');
    const shown = page;
    const unnamed: string[] = [];
    await shown.context().setOffline(true);
    try {
      for (const pattern of patterns) {
        const path = samplePath(pattern, ids);
        // Code and records are on the device by now: a heading that has not come in 10 s never will.
        const named = await openInApp(shown, path, 10_000).then(
          () => true,
          () => false,
        );
        if (!named) unnamed.push(path);
        const width = await pageWidth(shown);
        expect(width, `${path} offline is ${width}px wide`).toBeLessThanOrEqual(PHONE_SCREEN.width);
      }
    } finally {
      await shown.context().setOffline(false);
    }
    expect(unnamed, 'screens with no heading offline').toEqual([]);
  });

  it('a field error from the server on People: shown beside its field, no axe violations', async () => {
    if (!page) throw new Error('an earlier step did not sign in');
    await openInApp(page, '/people');
    await page.getByRole('list', { name: 'People' }).waitFor();
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the public directory and the idle lock: fit the screen, no axe violations', async () => {
    const shown = page;
    if (!shown) throw new Error('an earlier step did not sign in');
    const check = async (heading: string) => {
      await shown.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await axeViolations(shown), heading).toEqual([]);
      expect(await pageWidth(shown), heading).toBeLessThanOrEqual(PHONE_SCREEN.width);
    };
    await shown.goto(`${url()}/public`);
    await shown.getByRole('list', { name: 'Public directory' }).waitFor();
    await check('Community help near you');

    await shown.goto(url());
    await shown.evaluate(() =>
      localStorage.setItem('resilience-hub:last-active', String(Date.now() - 60 * 60_000)),
    );
    await shown.reload();
    await check('Locked');
  });
});
