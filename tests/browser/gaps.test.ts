// The gap table and the map on the demo borough in a real Chromium: the table shows the same counts the
// gap analysis computes for the seeded directory, sorts with its header buttons (aria-sort follows),
// downloads the same numbers as CSV; axe finds no WCAG violations on either screen; and on a 320 px
// phone neither page scrolls sideways (the table scrolls inside its own box).
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { analyseGaps } from '../../src/domain/gaps/gapAnalysis.ts';
import { CAPABILITIES, capabilityLabel } from '../../src/domain/entities/capabilities.ts';
import { gapsByPriority, missingCapabilities } from '../../src/domain/gaps/gapPriority.ts';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import { DEMO_DUTY, firstPage, openNav, serverForSuite, signInSynced } from './harness.ts';
import { PHONE_SCREEN, axeViolations, pageWidth } from './pageChecks.ts';
import { openMap } from './mapPage.ts';

const TABLE_NAME = 'Partners covering each ward, by capability';

async function openGaps(page: Page): Promise<void> {
  await openNav(page, 'Gaps');
  await page.getByRole('heading', { level: 1, name: 'Gaps in cover' }).waitFor();
  await page.getByRole('table', { name: TABLE_NAME }).getByRole('row').nth(1).waitFor();
}

/** Each body row as [ward name, gaps, cell texts…] in the order shown. */
async function tableRows(page: Page): Promise<string[][]> {
  return page
    .getByRole('table', { name: TABLE_NAME })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.children].map((cell) =>
          (cell instanceof HTMLElement ? cell.innerText : '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

/** The column headers' words, in order (sort arrows left out). */
async function headers(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: TABLE_NAME })
    .locator('thead th')
    .evaluateAll((cells) => cells.map((th) => th.textContent?.replace(/[▲▼↕]/g, '').trim() ?? ''));
}

async function sortedBy(page: Page): Promise<Record<string, string>> {
  return page
    .getByRole('table', { name: TABLE_NAME })
    .locator('thead th')
    .evaluateAll((headers) =>
      Object.fromEntries(
        headers.map((th) => [
          th.textContent?.replace(/[▲▼↕]/g, '').trim(),
          th.getAttribute('aria-sort') ?? '',
        ]),
      ),
    );
}

describe('the gap table and the map screens', () => {
  const { url, launch } = serverForSuite();
  let desktop: BrowserContext | undefined;

  it('shows the counts the gap analysis gives for the seeded directory, unparished wards marked', async () => {
    desktop = await launch('profile-gaps');
    const page = await firstPage(desktop);
    await signInSynced(page, url(), DEMO_DUTY);
    await openGaps(page);
    // The demo seed is deterministic: the same borough and directory as generated here.
    const area = generateDemoArea();
    const { partners } = generateDemoDirectory(area, { today: new Date().toISOString().slice(0, 10) });
    const expected = analyseGaps(area.wards, area.parishes, partners);

    await page.getByRole('button', { name: 'Ward', exact: true }).click();
    const rows = await tableRows(page);
    const columns = await headers(page);
    expect(columns.slice(0, 2)).toEqual(['Ward', 'Gaps']);
    expect(rows).toHaveLength(expected.wards.length);
    expected.wards.forEach((ward, index) => {
      const row = rows[index] ?? [];
      expect(row[0]).toBe(ward.parished ? ward.name : `${ward.name} Unparished`);
      expect(row[1]).toBe(String(ward.gaps));
      CAPABILITIES.forEach(({ id, label }) => {
        const count = ward.counts.get(id) ?? { total: 0, local: 0 };
        const shown =
          count.total === 0
            ? '✕ Gap'
            : count.local === 0
              ? `${count.total} borough-wide only`
              : `${count.total} ${count.local} local`;
        expect(row[columns.indexOf(label)], `${ward.name} / ${id}`).toBe(shown);
      });
    });
    expect(
      expected.wards.some((ward) => ward.gaps > 0),
      'the demo directory leaves some gaps',
    ).toBe(true);
    expect(rows.filter((row) => row[0]?.endsWith(' Unparished'))).toHaveLength(6);
  });

  it('sorts by ward name, by number of gaps and by a capability, saying which in aria-sort', async () => {
    const page = await firstPage(desktop ?? (await launch('unused')));
    const names = async () => (await tableRows(page)).map((row) => row[0]?.replace(/ Unparished$/, '') ?? '');
    const ward = page.getByRole('button', { name: 'Ward', exact: true });

    expect((await sortedBy(page)).Ward).toBe('ascending');
    const ascending = await names();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    await ward.click();
    expect((await sortedBy(page)).Ward).toBe('descending');
    expect(await names()).toEqual([...ascending].reverse());

    await page.getByRole('button', { name: 'Gaps', exact: true }).click();
    const byGaps = await sortedBy(page);
    expect(byGaps.Gaps).toBe('descending');
    expect(byGaps.Ward).toBe('none');
    const gaps = (await tableRows(page)).map((row) => Number(row[1]));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));

    await page.getByRole('button', { name: 'Sandbags and flood help', exact: true }).click();
    expect((await sortedBy(page))['Sandbags and flood help']).toBe('ascending');
    const column = (await headers(page)).indexOf('Sandbags and flood help');
    const totals = (await tableRows(page)).map((row) =>
      row[column] === '✕ Gap' ? 0 : parseInt(row[column] ?? '', 10),
    );
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  it('downloads the table as CSV with the same numbers', async () => {
    const page = await firstPage(desktop ?? (await launch('unused')));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gaps-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const rows = await tableRows(page);
    const columns = await headers(page);
    expect(parsed.data).toHaveLength(rows.length);
    parsed.data.forEach((record, index) => {
      const row = rows[index] ?? [];
      expect(row[0]?.replace(/ Unparished$/, '')).toBe(record.Ward);
      expect(record.Parished === 'No (unparished)').toBe(row[0]?.endsWith(' Unparished'));
      expect(record.Gaps).toBe(row[1]);
      const food = row[columns.indexOf('Food')];
      expect(record['Food: partners']).toBe(food === '✕ Gap' ? '0' : String(parseInt(food ?? '', 10)));
    });
  });

  it('has no axe violations on the gap table or the map', async () => {
    const page = await firstPage(desktop ?? (await launch('unused')));
    expect(await axeViolations(page)).toEqual([]);
    await openMap(page);
    await page.getByLabel('Shade wards by capability').selectOption({ label: 'Food' });
    await page.getByRole('list', { name: 'Wards on the map' }).getByRole('button').first().click();
    await page.getByRole('link', { name: 'Find help here' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on a 320 px phone, the gaps are a list in words naming what nobody covers; nothing scrolls sideways', async () => {
    const page = await firstPage(await launch('profile-gaps-phone', { viewport: PHONE_SCREEN }));
    await signInSynced(page, url(), DEMO_DUTY);

    await openNav(page, 'Gaps');
    await page.getByRole('heading', { level: 1, name: 'Gaps in cover' }).waitFor();
    const list = page.getByRole('list', { name: 'Wards with gaps' });
    await list.getByRole('listitem').first().waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);
    // The wide table is not shown on a phone (its facts are in the list and the CSV).
    expect(await page.getByRole('table', { name: TABLE_NAME }).isVisible()).toBe(false);

    const area = generateDemoArea();
    const { partners } = generateDemoDirectory(area, { today: new Date().toISOString().slice(0, 10) });
    const expected = gapsByPriority(analyseGaps(area.wards, area.parishes, partners).wards);
    const items = await list.getByRole('listitem').allInnerTexts();
    expect(items).toHaveLength(expected.length);
    expected.forEach((ward, index) => {
      const text = items[index] ?? '';
      expect(text.startsWith(`${ward.name}${ward.parished ? '' : ' (unparished)'}: nobody covers `)).toBe(
        true,
      );
      for (const id of missingCapabilities(ward))
        expect(text, `${ward.name} names ${id}`).toContain(capabilityLabel(id).toLowerCase());
    });
    expect(await axeViolations(page)).toEqual([]);

    await openMap(page);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_SCREEN.width);
  });
});
