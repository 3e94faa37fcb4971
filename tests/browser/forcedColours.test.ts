// In Windows high contrast (forced colours) the browser paints every background, text and border in
// the person's own few colours and drops box shadows, so a state shown by colour or shadow alone
// vanishes. Each chosen thing must still look unlike its neighbours there: the tab of the screen
// you are on, the chosen view of the requests, a chosen need on Find help, the ward chosen on the map.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_DUTY, firstPage, mainNav, openNav, serverForSuite, signInSynced } from './harness.ts';
import { PHONE_SCREEN } from './pageChecks.ts';

/** What the eye can tell apart in forced colours: the used colours, borders, lines and marks. */
function looks(control: Locator): Promise<string> {
  return control.evaluate((element) => {
    const seen = (style: CSSStyleDeclaration) =>
      [
        style.backgroundColor,
        style.color,
        style.borderTopWidth,
        style.borderTopStyle,
        style.borderTopColor,
        style.borderBottomWidth,
        style.borderBottomStyle,
        style.borderBottomColor,
        style.outlineStyle,
        style.textDecorationLine,
        style.fontWeight,
        style.boxShadow,
      ].join(' ');
    const before = getComputedStyle(element, '::before');
    return `${seen(getComputedStyle(element))} | ${before.content}`;
  });
}

async function expectUnlike(page: Page, chosen: Locator, other: Locator, what: string): Promise<void> {
  await page.emulateMedia({ forcedColors: 'active' });
  expect(await looks(chosen), `${what}, in forced colours`).not.toBe(await looks(other));
  await page.emulateMedia({ forcedColors: 'none' });
}

describe('chosen things in forced colours (Windows high contrast)', () => {
  const { url, launch } = serverForSuite();

  it('look unlike the others beside them', async () => {
    const page = await firstPage(await launch('profile-forced-colours', { viewport: PHONE_SCREEN }));
    await signInSynced(page, url(), DEMO_DUTY);

    await openNav(page, 'Requests');
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    const tabs = mainNav(page);
    await expectUnlike(
      page,
      tabs.getByRole('link', { name: 'Requests', exact: true }),
      tabs.getByRole('link', { name: 'Directory', exact: true }),
      'the tab of the screen you are on',
    );
    const views = page.getByRole('group', { name: 'Which requests' });
    await expectUnlike(
      page,
      views.getByRole('button', { name: 'Open requests' }),
      views.getByRole('button', { name: 'Mine' }),
      'the chosen view of the requests',
    );

    await openNav(page, 'Find help');
    await page.getByRole('button', { name: 'Food', exact: true }).click();
    await expectUnlike(
      page,
      page.getByRole('button', { name: 'Food', exact: true }),
      page.getByRole('button', { name: 'Transport', exact: true }),
      'a chosen need',
    );
  });
});
