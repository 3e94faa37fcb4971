// `npm run create-admin`: a real deployment's first administrator, with a one-time password that
// signs in once and must be changed; a taken username or a bad one writes nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCreateAdmin } from '../../src/server/cli/createAdmin.ts';
import { openDatabase } from '../../src/server/storage/open.ts';
import { createApp } from '../../src/server/app.ts';
import { accountSchema } from '../../src/domain/accounts/people.ts';

describe('npm run create-admin', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  function capture() {
    const lines: string[] = [];
    return {
      lines,
      out: { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) },
    };
  }

  it('creates an admin who signs in once with the printed password and must choose their own', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'resilience-hub-create-admin-'));
    dirs.push(dataDir);
    const first = capture();
    expect(await runCreateAdmin(['Chief', 'Pat Chief'], { DATA_DIR: dataDir }, first.out)).toBe(0);
    const password = /One-time password: (\S+)/.exec(first.lines.join('\n'))?.[1] ?? '';
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);

    const again = capture();
    expect(await runCreateAdmin(['chief', 'Someone Else'], { DATA_DIR: dataDir }, again.out)).toBe(1);
    expect(again.lines.join('\n')).toMatch(/already taken. Nothing was written/);
    const bad = capture();
    expect(await runCreateAdmin(['x', ''], { DATA_DIR: dataDir }, bad.out)).toBe(1);
    expect(bad.lines.join('\n')).toMatch(/username: .*displayName: name is required/);

    const db = await openDatabase({ dataDir });
    try {
      const app = createApp(db, { distDir: '/nonexistent', sessionDays: 1 });
      const login = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'chief', password }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const account = accountSchema.parse(
        await (await app.request('/api/account', { headers: { Authorization: `Bearer ${token}` } })).json(),
      );
      expect(account).toMatchObject({ user: { username: 'chief', role: 'admin' }, mustChangePassword: true });
      const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
      expect(n).toBe(1);
    } finally {
      await db.close();
    }
  });
});
