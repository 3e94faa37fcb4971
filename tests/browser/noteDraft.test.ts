// A note half-written on a request is never lost: a parish coordinator in the field, offline, starts a
// note ("rang twice, no answer…"); the page reloads (an update accepted, the phone closing the tab)
// and the note is back in its box, said so; once added, the box is empty and nothing is kept.
import { describe, expect, it } from 'vitest';
import { firstPage, serverForSuite, signInReadyOffline } from './harness.ts';
import { PHONE_SCREEN } from './pageChecks.ts';
import { keptDrafts } from './deviceDatabase.ts';
import { logRequest, timeline } from './requestSteps.ts';

const DEMO_PARISH = { username: 'parish', password: 'demo-parish-2026' } as const;
const HALF_WRITTEN = 'Rang twice at 22:10, no answer. Neighbour at no. 14 has a key';

describe('a half-written note on a request (parish coordinator, offline)', () => {
  const { url, launch } = serverForSuite();

  it('comes back after a reload and is added once', async () => {
    const context = await launch('profile-note-draft', { viewport: PHONE_SCREEN });
    const page = await firstPage(context);
    await signInReadyOffline(page, url(), DEMO_PARISH);
    await context.setOffline(true);
    const requestId = await logRequest(page, { name: 'Note NT' });

    const box = page.getByRole('textbox', { name: 'Add a note' });
    await box.fill(HALF_WRITTEN);
    const form = `/requests/${requestId}#note`;
    await expect
      .poll(async () => (await keptDrafts(page))[form], { timeout: 10_000 })
      .toEqual({ note: HALF_WRITTEN });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Food for Note NT' }).waitFor();
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe(HALF_WRITTEN);
    await page.getByText('What you typed before was kept on this device').waitFor();

    await page.getByRole('button', { name: 'Add note' }).click();
    await timeline(page).getByText(HALF_WRITTEN).waitFor();
    expect(await box.inputValue()).toBe('');
    await expect.poll(async () => (await keptDrafts(page))[form], { timeout: 10_000 }).toBeUndefined();
    expect(await page.getByText('What you typed before was kept on this device').count()).toBe(0);

    // Added once: a reload shows it once on the timeline and an empty box.
    await page.reload();
    await timeline(page).getByText(HALF_WRITTEN).waitFor();
    expect(await timeline(page).getByText(HALF_WRITTEN).count()).toBe(1);
    expect(await box.inputValue()).toBe('');
  });
});
