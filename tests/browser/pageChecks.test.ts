// The page checks the other browser tests rely on can fail: axe, run in the page once it is put there,
// names a violation on a page that has one, still does after the page is changed in place (as the app
// moves between screens), and finds none once it is mended.
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { firstPage, launchBrowser, makeTempDir, removeTempDirs } from './harness.ts';
import { axeViolations } from './pageChecks.ts';

describe('axe in the page', () => {
  let context: BrowserContext | undefined;
  afterAll(async () => {
    await context?.close();
    await removeTempDirs();
  });

  it('names a violation where there is one and none once it is mended', async () => {
    context = await launchBrowser(await makeTempDir('page-checks'));
    const page = await firstPage(context);
    await page.setContent(
      '<html lang="en"><head><title>Checks</title></head><body><main><h1>Checks</h1>' +
        '<input id="where" type="text"></main></body></html>',
    );
    const unlabelled = await axeViolations(page);
    expect(
      unlabelled.some((line) => line.startsWith('label (critical)')),
      unlabelled.join('\n'),
    ).toBe(true);
    expect(unlabelled.join('\n')).toContain('["#where"]');

    // Changed in place, as the app draws another screen: the axe already in the page checks it anew.
    await page.evaluate(() => {
      const label = document.createElement('label');
      label.htmlFor = 'where';
      label.textContent = 'Where';
      document.querySelector('main')?.append(label);
    });
    expect(await axeViolations(page)).toEqual([]);

    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')?.append(image);
    });
    expect((await axeViolations(page)).map((line) => line.split(' ')[0])).toEqual(['image-alt']);
  });
});
