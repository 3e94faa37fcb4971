// Steps the request tests share, done as a person would: through the navigation, labelled fields and
// named buttons. Waits are for things to appear on screen, never for a fixed time.
import type { Locator, Page } from 'playwright-core';
import { pullResponseSchema, type Change } from '../../src/domain/sync/sync.ts';
import { openNav, pressSyncNow, syncStatus } from './harness.ts';

export { openNav };

/**
 * Presses "Sync now" (waiting until it is enabled, i.e. no sync is running) and waits until the sync
 * status says the server is reachable and nothing is waiting: every queued change was acknowledged.
 */
export async function syncNow(page: Page): Promise<void> {
  await pressSyncNow(page);
  await syncStatus(page)
    .filter({ hasText: /^Online · Last synced .* · All changes synced$/ })
    .waitFor({ timeout: 60_000 });
}

export interface NewRequest {
  /** First name or initials: unique per test, so the request can be found by it. */
  name: string;
  need?: string;
  /** The label of a "Where?" option; the first ward or parish when not given. */
  place?: string;
}

/** The title a request has in lists and on its page: "<needs> for <name>". */
export const requestTitle = (request: NewRequest) => `${request.need ?? 'Food'} for ${request.name}`;

/** Opens "Log a request" from the Requests screen and fills it in, without saving it. */
export async function fillNewRequest(page: Page, request: NewRequest): Promise<void> {
  await openNav(page, 'Requests');
  await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
  await page.getByRole('link', { name: 'Log a request' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log a request' }).waitFor();
  await page
    .getByRole('group', { name: 'What is needed?' })
    .getByRole('button', { name: request.need ?? 'Food', exact: true })
    .click();
  const where = page.getByLabel('Where?');
  if (request.place) await where.selectOption({ label: request.place });
  else if ((await where.inputValue()) === '') await where.selectOption({ index: 1 });
  await page.getByLabel('First name or initials').fill(request.name);
}

/** Logs a request from the Requests screen; returns its id once its page shows (it is saved). */
export async function logRequest(page: Page, request: NewRequest): Promise<string> {
  await fillNewRequest(page, request);
  await page.getByRole('button', { name: 'Save request' }).click();
  await page.getByRole('heading', { level: 1, name: requestTitle(request) }).waitFor();
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  if (!/^[0-9a-f-]{36}$/.test(id))
    throw new Error(`the request page's address has no request id: ${page.url()}`);
  return id;
}

export function statusGroup(page: Page): Locator {
  return page.getByRole('group', { name: 'Status' });
}

/** The status pressed on a request page, as its label ("In progress"). */
export async function shownStatus(page: Page): Promise<string> {
  const pressed = statusGroup(page).getByRole('button', { pressed: true });
  await pressed.waitFor();
  return ((await pressed.textContent()) ?? '').replace(/^✓\s*/, '').trim();
}

export function timeline(page: Page): Locator {
  return page.getByRole('list', { name: 'Timeline' });
}

/** Everything the server holds that this user may see, read through the API as a second device would. */
export async function serverRecords(url: string, username: string, password: string): Promise<Change[]> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`sign-in through the API failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const changes: Change[] = [];
  let since: string | null = null;
  for (;;) {
    const params = new URLSearchParams({ limit: '2000' });
    if (since) params.set('since', since);
    const response = await fetch(`${url}/api/sync/pull?${params}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = pullResponseSchema.parse(await response.json());
    changes.push(...page.changes);
    if (!page.hasMore) return changes;
    since = page.cursor;
  }
}
