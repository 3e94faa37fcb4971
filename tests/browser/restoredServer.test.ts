// The server's database restored from last night's backup, while a phone had synced past it. The phone
// notices (the server says its cursor is past its log), downloads everything again — what was made on
// the server since the restore arrives, what the restore lost leaves the phone — and keeps and sends
// the request it had waiting. (A restored server that has already made as many changes again as were
// lost cannot tell such a cursor from its own: see the README.)
import { cp, rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  DEMO_DUTY,
  firstPage,
  freePort,
  launchBrowser,
  makeTempDir,
  removeTempDirs,
  signInReadyOffline,
  startServer,
  syncStatus,
  type RunningServer,
} from './harness.ts';
import { logRequest, serverRecords, syncNow } from './requestSteps.ts';
import { storeRecords } from './deviceDatabase.ts';
import { aRequest, creating } from '../support/records.ts';

const ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;

/** Logs a request as the office would, through the API; returns its id. */
async function officeLogs(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const request = aRequest();
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId: 'test-office', mutations: [creating('request', request)] }),
  });
  const { results } = (await response.json()) as { results: { status: string }[] };
  expect(results.map((result) => result.status)).toEqual(['applied']);
  return request.id;
}

describe('a phone whose server was restored from an older backup', () => {
  let server: RunningServer | undefined;
  let phone: BrowserContext | undefined;
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('downloads everything again and keeps what it had waiting', async () => {
    const dataDir = await makeTempDir('restored-data');
    const backup = await makeTempDir('restored-backup');
    // One address throughout, as a council's server has: the phone's copy belongs to it.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port) };
    server = await startServer({ dataDir, env });
    phone = await launchBrowser(await makeTempDir('restored-phone'));
    const page = await firstPage(phone);
    await signInReadyOffline(page, url, DEMO_DUTY);

    // Last night's backup, then a day's work the phone syncs, then the restore.
    await server.stop();
    await cp(dataDir, backup, { recursive: true });
    server = await startServer({ dataDir, env });
    const lost = [await officeLogs(url), await officeLogs(url), await officeLogs(url)];
    await syncNow(page);
    const requestsOnPhone = async () =>
      (await storeRecords<{ id: string }>(page, 'requests')).map((request) => request.id);
    expect(await requestsOnPhone()).toEqual(expect.arrayContaining(lost));
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await cp(backup, dataDir, { recursive: true });
    server = await startServer({ dataDir, env });

    const madeSince = await officeLogs(url);
    await phone.setOffline(true);
    const waiting = await logRequest(page, { name: 'Kept RQ' });
    await syncStatus(page)
      .filter({ hasText: /1 request waiting to send/ })
      .waitFor();
    await phone.setOffline(false);
    await expect
      .poll(requestsOnPhone, { timeout: 60_000, interval: 1_000 })
      .toEqual(expect.arrayContaining([madeSince, waiting]));
    await syncNow(page);
    expect((await requestsOnPhone()).filter((id) => lost.includes(id))).toEqual([]);
    const onServer = (await serverRecords(url, ADMIN.username, ADMIN.password)).map((change) => change.id);
    expect(onServer).toContain(waiting);
    // Three server starts on a busy machine.
  }, 240_000);
});
