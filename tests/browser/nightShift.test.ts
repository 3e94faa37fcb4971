// The night shift on a phone (390 × 844), measured as a person would see it: from sign-in to a tel:
// link in at most three taps, with the first Call button in view without scrolling; at 03:00 with an
// immediate need the first partner can be reached now and its main button dials the number that
// answers now; each partner shows the rule that put it above the next. Prints a line of measurements.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_DUTY, firstPage, serverForSuite, signIn, signInSynced, waitForSynced } from './harness.ts';
import { logRequest, serverRecords, shownStatus, statusGroup } from './requestSteps.ts';

const DEMO_PARISH = { username: 'parish', password: 'demo-parish-2026' } as const;
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { availabilityAt, ukMoment } from '../../src/domain/ranking/availability.ts';
import { partnerSchema } from '../../src/domain/entities/partner.ts';
import { telHref } from '../../src/domain/entities/common.ts';

const PHONE = { width: 390, height: 844 } as const;

/** The next 03:00 in London after now (GMT or BST), as the moment the phone's clock shows. */
function nextThreeAm(): Date {
  const hour = 3_600_000;
  let at = Math.ceil(Date.now() / hour) * hour + 24 * hour;
  while (ukMoment(new Date(at)).minutes !== 180) at += hour;
  return new Date(at);
}

/** Where on the screen a control is, and whether a tap there reaches it (nothing drawn over it). */
async function tapArea(locator: Locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      top: box.top,
      bottom: box.bottom,
      height: box.height,
      viewport: window.innerHeight,
      reachable: hit !== null && (hit === element || element.contains(hit)),
    };
  });
}

describe('the night shift on a phone', () => {
  const { url, launch } = serverForSuite();
  const threeAm = nextThreeAm();
  const ward = generateDemoArea().wards[4]!;
  let page: Page | undefined;
  const phonePage = () => {
    if (!page) throw new Error('an earlier step did not open the phone');
    return page;
  };

  it('signs in, lands on Find help, and reaches a tel: link in three taps without scrolling', async () => {
    const context = await launch('profile-night', { viewport: PHONE });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ longitude: ward.centre[0], latitude: ward.centre[1] });
    page = await firstPage(context);
    await page.clock.setFixedTime(threeAm);
    await page.goto(url());
    await signIn(page, DEMO_DUTY.username, DEMO_DUTY.password);
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    await waitForSynced(page);

    let taps = 0;
    const tap = async (locator: Locator) => {
      taps += 1;
      await locator.click();
    };
    await tap(page.getByRole('group', { name: 'What is needed?' }).getByRole('button', { name: 'Food' }));
    await tap(page.getByRole('button', { name: 'Use my location' }));
    const results = page.getByRole('list', { name: 'Best placed partners' });
    const firstCall = results.getByRole('listitem').first().locator('a[href^="tel:"]').first();
    await firstCall.waitFor();
    await page.getByText(`partners for your location, in ${ward.name} ward`, { exact: false }).waitFor();
    // The third tap is the Call button itself: in view, not under the tab bar, a real tel: link.
    taps += 1;
    const area = await tapArea(firstCall);
    const scrolledBy = await page.evaluate(() => window.scrollY);
    if (process.env.NIGHT_SCREENSHOT) await page.screenshot({ path: process.env.NIGHT_SCREENSHOT });
    console.log(
      `night-shift measurement: taps=${taps} person-scroll=0px app-scroll=${scrolledBy}px ` +
        `first-call-top=${Math.round(area.top)}px first-call-bottom=${Math.round(area.bottom)}px viewport=${area.viewport}px`,
    );
    expect(taps).toBeLessThanOrEqual(3);
    expect(area.top).toBeGreaterThanOrEqual(0);
    expect(area.bottom).toBeLessThanOrEqual(area.viewport);
    expect(area.reachable, 'the first Call button is not covered by the tab bar or top bar').toBe(true);
    expect(area.height).toBeGreaterThanOrEqual(44);
    expect(await firstCall.getAttribute('href')).toMatch(/^tel:\+?\d+$/);
  });

  it('at 03:00 with an immediate need, the first partner can be reached now and its main button dials that number', async () => {
    const page = phonePage();
    expect(await page.getByRole('radio', { name: 'Immediate' }).isChecked(), 'Immediate is the default').toBe(
      true,
    );
    const first = page.getByRole('list', { name: 'Best placed partners' }).getByRole('listitem').first();
    const name = ((await first.getByRole('link').first().textContent()) ?? '').trim();
    const partner = (await serverRecords(url(), DEMO_DUTY.username, DEMO_DUTY.password))
      .flatMap((change) => (change.entity === 'partner' && !change.deleted ? [change.record] : []))
      .map((record) => partnerSchema.parse(record))
      .find((candidate) => candidate.name === name);
    if (!partner) throw new Error(`the first partner "${name}" is not on the server`);
    const now = availabilityAt(partner, ukMoment(threeAm));
    const answersNow = now.kind === 'closed' ? now.outOfHoursPhone : partner.phone; // null: nobody answers now
    expect(answersNow, `${name} can be reached at 03:00 (${JSON.stringify(now)})`).not.toBeNull();
    const main = first.locator('a.call').first();
    expect(await main.getAttribute('href')).toBe(telHref(answersNow!));
    // Some demo partners are closed at night with no out-of-hours line: none of them ranks first.
    expect(await first.textContent()).not.toMatch(/closed now(?! · has an out-of-hours number)/);
  });

  it('shows the deciding difference from the partner below', async () => {
    const page = phonePage();
    const cards = page.getByRole('list', { name: 'Best placed partners' }).getByRole('listitem');
    const secondName = ((await cards.nth(1).getByRole('link').first().textContent()) ?? '').trim();
    const deciding = cards.first().locator('.deciding');
    expect(await deciding.textContent()).toMatch(new RegExp(`^above ${escape(secondName)}: .+`));
    expect(await deciding.isVisible()).toBe(true);
  });
});

describe('mistakes undone, and parish coordinators assigning', () => {
  const { url, launch } = serverForSuite();

  it('cancelling a request offers an undo that puts the status back', async () => {
    const page = await firstPage(await launch('profile-night-undo', { viewport: PHONE }));
    await signInSynced(page, url(), DEMO_DUTY);
    await logRequest(page, { name: 'Undo RQ' });
    await statusGroup(page).getByRole('button', { name: 'Cancelled' }).click();
    await statusGroup(page).getByRole('button', { name: 'Cancelled', pressed: true }).waitFor();
    expect(await shownStatus(page)).toBe('Cancelled');
    await page.getByRole('button', { name: 'Undo: back to New' }).click();
    await statusGroup(page).getByRole('button', { name: 'New', pressed: true }).waitFor();
    expect(await shownStatus(page)).toBe('New');
    expect(await page.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
  });

  it('a parish coordinator lands on their open requests and assigns a best-placed partner in one tap', async () => {
    const page = await firstPage(await launch('profile-night-parish', { viewport: PHONE }));
    await signInSynced(page, url(), DEMO_PARISH);
    // No open requests in the parish yet: Find help first.
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    await logRequest(page, { name: 'Parish RQ' });
    const assign = page
      .getByRole('list', { name: 'Best placed partners' })
      .getByRole('button', { name: /^Assign / })
      .first();
    await assign.click();
    await page.getByRole('list', { name: 'Assigned partners' }).getByRole('listitem').first().waitFor();
    expect(await shownStatus(page)).toBe('Assigned');
    // Next time, with an open request in the parish, the coordinator lands on the requests.
    await page.goto(url());
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
