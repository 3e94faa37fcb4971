// Old app, new server and the reverse: every API answer names the versions; an app older than the
// server serves, or newer than the server, is refused with a plain answer and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { APP_VERSION } from '../../src/server/version.ts';
import { API_VERSION, MIN_CLIENT_API_VERSION } from '../../src/domain/api/apiVersion.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

describe('API versions', () => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
  });
  afterAll(() => test.drop());

  const login = (apiVersion?: number) =>
    app.request('/api/auth/login', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(apiVersion === undefined ? {} : { 'X-Api-Version': String(apiVersion) }),
      },
      body: JSON.stringify({ username: 'nobody', password: 'wrong-password-123' }),
    });

  it('names its versions on every answer, errors included', async () => {
    for (const response of [await app.request('/api/health'), await login(API_VERSION)]) {
      expect(response.headers.get('X-Api-Version')).toBe(String(API_VERSION));
      expect(response.headers.get('X-Min-Api-Version')).toBe(String(MIN_CLIENT_API_VERSION));
      expect(response.headers.get('X-App-Version')).toBe(APP_VERSION);
    }
    // The app's own version passes on to the ordinary answer (here: a wrong password).
    expect((await login(API_VERSION)).status).toBe(401);
  });

  it('tells an app older than it serves to reload', async () => {
    const response = await login(MIN_CLIENT_API_VERSION - 1);
    expect(response.status).toBe(426);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error.code).toBe('client_too_old');
    expect(body.error.message).toMatch(/Please reload/);
    expect(response.headers.get('X-Api-Version')).toBe(String(API_VERSION));
  });

  it('tells an app newer than itself that the server is older, and reads nothing of it', async () => {
    const response = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Version': String(API_VERSION + 1) },
      body: JSON.stringify({ mutations: [] }),
    });
    // Refused for its version before the missing sign-in is even looked at.
    expect(response.status).toBe(409);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error.code).toBe('server_too_old');
    expect(body.error.message).toMatch(/server runs an older version/);
  });

  it('serves requests that name no version (scripts, curl)', async () => {
    expect((await login()).status).toBe(401);
  });

  it.each(['abc', '2.5', '1, 2', '-1', '', '0x2', '1e309'])(
    'refuses the version %j, naming the header, before reading the request',
    async (version) => {
      const response = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Api-Version': version },
        body: JSON.stringify({ mutations: [] }),
      });
      expect(response.status).toBe(400);
      expect(apiErrorSchema.parse(await response.json()).error.fields).toEqual({
        'X-Api-Version': 'must be a whole number',
      });
    },
  );
});
