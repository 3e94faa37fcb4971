// The situation report printed to PDF by Chromium (page.pdf, the browser's own print path): A4 pages
// carrying the protective marking and the time made, the report's headings and figures in the text,
// none of the app's navigation; issuing it sets the baseline for the changes since; the CSV holds the same figures; axe finds
// nothing on screen.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_DUTY, firstPage, serverForSuite, signInReadyOffline } from './harness.ts';
import { axeViolations } from './pageChecks.ts';
import { openNav } from './requestSteps.ts';
import { seedRequests } from './seedRequests.ts';
import { readPdf } from './pdfText.ts';

const A4 = { width: 595.28, height: 841.89 };

describe('situation report (duty officer)', () => {
  const suite = serverForSuite();

  it('prints to A4 PDF with its headings, figures and marking, and exports CSV', async () => {
    const seeded = await seedRequests(suite.url(), DEMO_DUTY.username, DEMO_DUTY.password);
    const context = await suite.launch('situation-report');
    const page = await firstPage(context);
    await signInReadyOffline(page, suite.url(), DEMO_DUTY);

    await openNav(page, 'Incidents');
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await page.getByRole('link', { name: `Situation report: ${seeded.incident.name}` }).click();
    const title = `Situation report: ${seeded.incident.name}`;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByLabel('Protective marking (printed on every page)').inputValue()).toBe(
      'OFFICIAL-SENSITIVE',
    );
    expect(await axeViolations(page)).toEqual([]);

    const pdf = await readPdf(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const text = pdf.pages.join(' ');
    for (const size of pdf.sizes) {
      expect(size.width).toBeCloseTo(A4.width, 0);
      expect(size.height).toBeCloseTo(A4.height, 0);
    }
    // Every page carries the marking, the time it was made and its number.
    pdf.pages.forEach((pageText, index) => {
      expect(pageText).toContain('OFFICIAL-SENSITIVE');
      expect(pageText).toMatch(/Made \d{1,2} \w{3} \d{4}/);
      expect(pageText).toContain(`Page ${index + 1} of ${pdf.pages.length}`);
    });
    for (const heading of [
      title,
      'Summary',
      'Changes since the last report',
      'Key events',
      'Open requests by ward and need',
      'Partners engaged',
      'Gaps in cover',
    ])
      expect(text).toContain(heading);
    expect(text).toMatch(/Requests in the incident 3\b/);
    expect(text).toMatch(/Open requests 2\b/);
    expect(text).toMatch(/Immediate requests with no partner 1\b/);
    expect(text).toMatch(/Ashcombe Good Neighbours 1 1\b/);
    expect(text).toContain('Immediate request logged: Bottled water for Waiting W (Ashcombe)');
    expect(text).toContain('Done: Bottled water for Done D (3 households)');
    // The request outside the incident is not in its report; the app's own controls are not printed.
    expect(text).not.toContain('Outside O');
    for (const control of ['Sign out', 'Print or save as PDF', 'Sync now', 'Find help'])
      expect(text).not.toContain(control);

    // The marking is the council's, set by an admin (tests/browser/reviewRound.test.ts changes it);
    // issuing the report makes it the baseline for the next one, on every staff device.
    await page.getByRole('button', { name: 'Mark as issued' }).click();
    await page.getByText(/^Last issued .* by /).waitFor();
    const reprinted = await readPdf(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    expect(reprinted.pages.join(' ')).toMatch(/0 requests logged, 0 closed, 0 reopened; open requests 2 → 2/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('Summary,Open requests,,2');
    expect(csv).toContain('Partner engaged,Ashcombe Good Neighbours,1 in all,1');
    expect(csv).toContain('Open by ward and need,Ashcombe,Bottled water,1');
  });
});
