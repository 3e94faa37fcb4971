// The emergency-plan contact list on the demo borough in a real Chromium: every strategic partner and
// parish contact the duty officer may see is on screen and in the A4 PDF with its phone numbers whole;
// printed, no table cell overflows its column and no table runs past the page's printable width (no
// clipped columns); the CSV has one row per listing; axe finds nothing.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEMO_DUTY, firstPage, serverForSuite, signInSynced } from './harness.ts';
import { axeViolations } from './pageChecks.ts';
import { openNav, serverRecords } from './requestSteps.ts';
import { readPdf } from './pdfText.ts';
import { contactListRows, emergencyContactList } from '../../src/domain/contactList/emergencyContactList.ts';
import type { Contact } from '../../src/domain/entities/contact.ts';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import type { Partner } from '../../src/domain/entities/partner.ts';

/** A4 is 210 mm wide; the print CSS leaves 14 mm each side: 182 mm = 688 CSS px. */
const PRINTABLE_WIDTH_PX = (182 / 25.4) * 96;
const compact = (text: string) => text.replace(/\s+/g, '');

describe('emergency-plan contact list (duty officer)', () => {
  const suite = serverForSuite();

  it('prints every listed contact on A4 with no clipped column, and exports the same as CSV', async () => {
    const records = await serverRecords(suite.url(), DEMO_DUTY.username, DEMO_DUTY.password);
    const of = <T>(entity: string) =>
      records.flatMap((change) => (change.entity === entity && !change.deleted ? [change.record as T] : []));
    const duty = {
      id: '00000000-0000-4000-8000-000000000000',
      username: 'duty',
      displayName: 'Duty',
      role: 'duty_officer' as const,
      parishCode: null,
    };
    const expected = contactListRows(
      emergencyContactList(
        duty,
        of<Ward>('ward'),
        of<Parish>('parish'),
        of<Partner>('partner'),
        of<Contact>('contact'),
      ),
    );
    expect(expected.filter((row) => row.group === 'Parish contact').length).toBeGreaterThan(20);
    expect(expected.some((row) => row.contact.outOfHours !== null)).toBe(true);

    const context = await suite.launch('contact-list');
    const page = await firstPage(context);
    await signInSynced(page, suite.url(), DEMO_DUTY);
    await openNav(page, 'Contact list');
    await page.getByRole('heading', { level: 1, name: 'Emergency-plan contact list' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Borough-wide strategic partners' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor(PRINTABLE_WIDTH_PX), height: 1000 });
    const overflowing = await page.evaluate((limit) => {
      const problems: string[] = [];
      for (const table of document.querySelectorAll('table')) {
        const right = table.getBoundingClientRect().right;
        if (right > limit + 1)
          problems.push(`table ends at ${Math.round(right)} px: ${table.caption?.textContent}`);
        for (const cell of table.querySelectorAll('th, td'))
          if (cell.scrollWidth > cell.clientWidth + 1)
            problems.push(
              `cell overflows: "${cell.textContent}" (${cell.scrollWidth} > ${cell.clientWidth})`,
            );
      }
      return problems;
    }, PRINTABLE_WIDTH_PX);
    expect(overflowing).toEqual([]);

    const pdf = await readPdf(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    for (const size of pdf.sizes) {
      expect(size.width).toBeCloseTo(595.28, 0);
      expect(size.height).toBeCloseTo(841.89, 0);
    }
    const text = compact(pdf.pages.join(' '));
    expect(text).toContain(compact('Emergency-plan contact list'));
    expect(pdf.pages[0]).toContain('OFFICIAL-SENSITIVE');
    const missing = expected.flatMap((row) =>
      [row.contact.name, row.contact.phone, row.contact.outOfHours ?? '', row.contact.email ?? '']
        .filter((value) => value !== '' && !text.includes(compact(value)))
        .map((value) => `${row.contact.name}: ${value}`),
    );
    expect(missing).toEqual([]);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = Papa.parse<Record<string, string>>(
      (await readFile((await download.path()) ?? '', 'utf8')).replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    expect(csv.data.length).toBe(expected.length);
    expect(csv.data.map((row) => `${row.Ward}|${row.Name}|${row.Phone}`).sort()).toEqual(
      expected.map((row) => `${row.ward}|${row.contact.name}|${row.contact.phone}`).sort(),
    );
  });
});
