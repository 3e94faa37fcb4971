// What a parish coordinator's phone holds when records change scope elsewhere, read from the phone's own
// IndexedDB (not only the screen): a contact of another parish made restricted leaves it, and so does a
// request of their parish moved to another parish, with its timeline notes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  firstPage,
  launchBrowser,
  makeTempDir,
  removeTempDirs,
  signInSynced,
  startServer,
  type RunningServer,
} from './harness.ts';
import { serverRecords, syncNow } from './requestSteps.ts';
import { aRequest, creating, stamp } from '../support/records.ts';
import type { Contact } from '../../src/domain/entities/contact.ts';

const COORDINATOR = { username: 'parish', password: 'demo-parish-2026' } as const;
const ADMIN = { username: 'admin', password: 'demo-admin-2026' } as const;
const PARISH_A = 'DEMO-P01';
const PARISH_B = 'DEMO-P02';

/** The keys of one store of the app's IndexedDB, read inside the page. */
async function keysOnDevice(page: Page, store: string): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('resilience-hub');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAllKeys();
          request.onsuccess = () => {
            resolve(request.result.map(String));
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

async function tokenOf(url: string, user: { username: string; password: string }): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function pushAs(url: string, token: string, mutations: unknown[]): Promise<string[]> {
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId: 'test-office', mutations }),
  });
  const { results } = (await response.json()) as { results: { status: string }[] };
  return results.map((result) => result.status);
}

describe('a coordinator’s device when records change scope', () => {
  let server: RunningServer | undefined;
  let phone: BrowserContext | undefined;
  let adminToken = '';

  beforeAll(async () => {
    server = await startServer();
    adminToken = await tokenOf(server.url, ADMIN);
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('drops another parish’s contact once it is made restricted', async () => {
    const url = server!.url;
    const contact = (await serverRecords(url, ADMIN.username, ADMIN.password)).flatMap((change) =>
      change.entity === 'contact' &&
      !change.deleted &&
      change.record.visibility === 'public' &&
      change.record.parishCode === PARISH_B
        ? [change.record as Contact]
        : [],
    )[0];
    expect(contact, 'a public contact of parish B in the demo').toBeDefined();
    phone = await launchBrowser(await makeTempDir('profile-coordinator'));
    const page = await firstPage(phone);
    await signInSynced(page, url, COORDINATOR);
    expect(await keysOnDevice(page, 'contacts')).toContain(contact!.id);

    const restrict = {
      id: randomUUID(),
      entity: 'contact',
      recordId: contact!.id,
      hlc: stamp(),
      changes: { visibility: 'restricted' },
      base: {},
    };
    expect(await pushAs(url, adminToken, [restrict])).toEqual(['applied']);
    await syncNow(page);
    expect(await keysOnDevice(page, 'contacts')).not.toContain(contact!.id);
  });

  it('drops a request moved to another parish, with its notes', async () => {
    const url = server!.url;
    const page = await firstPage(phone!);
    const request = aRequest({
      place: { wardCode: null, parishCode: PARISH_A, lat: null, lon: null, address: '' },
    });
    const note = {
      id: randomUUID(),
      requestId: request.id,
      at: new Date().toISOString(),
      by: randomUUID(),
      byName: 'x',
      kind: 'note',
      text: 'Spoke to a neighbour',
      status: null,
    };
    const created = stamp('office', Date.now() - 1000);
    expect(
      await pushAs(url, adminToken, [creating('request', request, created), creating('timeline', note)]),
    ).toEqual(['applied', 'applied']);
    await syncNow(page);
    expect(await keysOnDevice(page, 'requests')).toContain(request.id);
    expect(await keysOnDevice(page, 'timeline')).toContain(note.id);

    const move = {
      id: randomUUID(),
      entity: 'request',
      recordId: request.id,
      hlc: stamp('office'),
      changes: { place: { ...request.place, parishCode: PARISH_B } },
      base: { place: created },
    };
    expect(await pushAs(url, adminToken, [move])).toEqual(['applied']);
    await syncNow(page);
    expect(await keysOnDevice(page, 'requests')).not.toContain(request.id);
    expect(await keysOnDevice(page, 'timeline')).not.toContain(note.id);
  });
});
