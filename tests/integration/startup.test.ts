// Starting the server as an operator does, with what goes wrong on real machines: the port already
// taken (the server used to run on, silent, serving nothing), a second server or command on the same
// embedded-database folder (both used to run, writing the same files), a folder left locked by a
// killed server, and PostgreSQL out of reach. Each ends the process at once with one plain line.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freePort, makeDataDir, makeTempDir, removeTempDirs, startServer } from '../browser/harness.ts';
import { DataFolderInUse, LOCK_FILE, lockDataFolder } from '../../src/server/storage/dataFolderLock.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the server to its end (or 90 s): its exit code and everything it printed. */
function runServerToEnd(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, SEED_DEMO: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(giveUp);
      resolve({ code, output });
    });
  });
}

/** A process that has come and gone: its number names nobody now. */
function aFinishedProcess(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });
}

afterAll(() => removeTempDirs());

// Each test starts one or two servers: minutes on a busy 2-core machine.
describe('starting the server', { timeout: 240_000 }, () => {
  it('ends with a plain line when its port is taken', async () => {
    const port = await freePort();
    const taken = createServer().listen(port);
    await new Promise((resolve) => taken.once('listening', resolve));
    try {
      const run = await runServerToEnd({ PORT: String(port), DATA_DIR: await makeDataDir('port-taken') });
      expect(run.code).toBe(1);
      expect(run.output).toContain(`Resilience Hub could not start: Port ${port} is already in use`);
      expect(run.output).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      taken.close();
    }
  });

  it('refuses a second server on the same embedded-database folder, naming the first', async () => {
    const dataDir = await makeDataDir('one-folder', { withDemo: true });
    const first = await startServer({ dataDir });
    try {
      const second = await runServerToEnd({ PORT: String(await freePort()), DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toContain(`The data folder ${dataDir} is already open in process ${first.pid}`);
      expect(second.output).toContain('stop that one first');
    } finally {
      await first.stop();
    }
    // Stopped cleanly, the folder is free again.
    const again = await startServer({ dataDir });
    await again.stop();
  });

  it('takes over a folder left locked by a server that was killed', async () => {
    const dataDir = await makeDataDir('killed', { withDemo: true });
    const killed = await startServer({ dataDir });
    await killed.kill();
    const next = await startServer({ dataDir });
    try {
      const health = await fetch(`${next.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await next.stop();
    }
  });

  it('says when PostgreSQL cannot be reached', async () => {
    const nobody = await freePort();
    const run = await runServerToEnd({
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://hub:not-shown@127.0.0.1:${nobody}/hub`,
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `Resilience Hub could not start: Could not reach PostgreSQL at 127.0.0.1:${nobody}, database "hub" (DATABASE_URL)`,
    );
    expect(run.output).not.toContain('not-shown');
  });
});

describe('stopping the server', { timeout: 240_000 }, () => {
  it('finishes a request under way before it closes (a deployment must not cut a phone off halfway)', async () => {
    const server = await startServer();
    const body = JSON.stringify({ username: 'admin', password: 'demo-admin-2026' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const sending = request(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      });
      sending.on('response', (incoming) => {
        let text = '';
        incoming.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
      });
      sending.on('error', reject);
      // Half the body, the stop, then the rest: the request is under way when the stop comes.
      sending.write(body.slice(0, 10));
      setTimeout(() => {
        process.kill(server.pid!, 'SIGTERM');
        setTimeout(() => sending.end(body.slice(10)), 1_000);
      }, 1_000);
    });
    try {
      const { status, text } = await answer;
      expect(status).toBe(200);
      expect(JSON.parse(text)).toHaveProperty('token');
      await expect
        .poll(() => server.output(), { timeout: 20_000 })
        .toMatch(/SIGTERM: finishing the requests/);
    } finally {
      await server.stop();
    }
  });
});

describe('the embedded database folder lock', () => {
  it('lets one holder at a time in this process too, and frees the folder on release', async () => {
    const dataDir = await makeTempDir('lock');
    const release = await lockDataFolder(dataDir);
    await expect(lockDataFolder(dataDir)).rejects.toThrow(DataFolderInUse);
    await release();
    const releaseAgain = await lockDataFolder(dataDir);
    await releaseAgain();
    // Two opens at once: one gets the folder.
    const both = await Promise.allSettled([lockDataFolder(dataDir), lockDataFolder(dataDir)]);
    expect(both.map((open) => open.status).sort()).toEqual(['fulfilled', 'rejected']);
    for (const open of both) if (open.status === 'fulfilled') await open.value();
  });

  it('keeps off a folder a live process holds, and takes one whose holder is gone', async () => {
    const dataDir = await makeTempDir('lock-holders');
    const lockPath = join(dataDir, LOCK_FILE);
    const holder = (pid: number) =>
      JSON.stringify({ pid, host: hostname(), since: '2026-12-01T22:00:00Z', command: 'hub' });
    await writeFile(lockPath, holder(process.ppid));
    await expect(lockDataFolder(dataDir)).rejects.toThrow(
      new RegExp(`already open in process ${process.ppid} \\(hub, since 2026-12-01T22:00:00Z\\)`),
    );
    await writeFile(lockPath, holder(await aFinishedProcess()));
    const release = await lockDataFolder(dataDir);
    await release();
  });
});
