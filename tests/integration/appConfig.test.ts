// GET /api/config: answers without a sign-in (the map needs it offline-first, before any session) with
// exactly what the app's schema expects — the tile server when one is configured, nulls otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { appConfigSchema } from '../../src/domain/api/appConfig.ts';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

describe('GET /api/config', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
  });
  afterAll(() => test.drop());

  it('says there are no tiles when none are configured', async () => {
    const app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
    const response = await app.request('/api/config');
    expect(response.status).toBe(200);
    expect(appConfigSchema.parse(await response.json())).toEqual({
      tileUrl: null,
      tileAttribution: null,
      idleLockMinutes: 15,
    });
  });

  it('gives the configured tile server to anyone, without a sign-in', async () => {
    const tileUrl = 'https://tiles.example.org/{z}/{x}/{y}.png';
    const app = createApp(test.db, {
      distDir: '/nonexistent',
      sessionDays: 1,
      tileUrl,
      tileAttribution: '© Example Maps',
      idleLockMinutes: 5,
    });
    const response = await app.request('/api/config');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(appConfigSchema.parse(await response.json())).toEqual({
      tileUrl,
      tileAttribution: '© Example Maps',
      idleLockMinutes: 5,
    });
    // Everything else under /api still needs a session.
    expect((await app.request('/api/sync/pull')).status).toBe(401);
  });
});
