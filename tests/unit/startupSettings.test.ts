// Settings read at start-up: a mistyped value stops the server with a message naming the setting
// (before anything is opened or seeded), and a real PostgreSQL never gets the demo people unless asked.
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.ts';
import { startupProblem } from '../../src/server/startupProblem.ts';

const POSTGRES = 'postgres://hub:s3cret-word@db.example.org:5433/hub';

describe('start-up settings', () => {
  it.each([
    ['PORT', '99999', /PORT must be a port number from 1 to 65535, not "99999"/],
    ['PORT', '0', /PORT must be a positive whole number/],
    ['SEED_DEMO', 'nope', /SEED_DEMO must be true or false, not "nope"/],
    ['DATABASE_URL', 'notaurl', /DATABASE_URL must be a PostgreSQL URL/],
    ['DATABASE_URL', 'mysql://root@db/hub', /DATABASE_URL must be a PostgreSQL URL/],
    ['DATABASE_SCHEMA', 'hub"; drop schema public', /DATABASE_SCHEMA must be lower-case letters/],
    ['DATABASE_SCHEMA', 'Hub', /DATABASE_SCHEMA must be lower-case letters/],
  ])('refuses %s=%s in plain words', (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(message);
  });

  it('never repeats a database URL, which may hold its password', () => {
    let message = '';
    try {
      readConfig({ DATABASE_URL: 'mysql://root:hunter2@db/hub' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toMatch(/hunter2/);
  });

  it('seeds the demo on the embedded database only, unless told otherwise', () => {
    expect(readConfig({}).seedDemo).toBe(true);
    expect(readConfig({ DATABASE_URL: POSTGRES }).seedDemo).toBe(false);
    expect(readConfig({ DATABASE_URL: POSTGRES, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(readConfig({ SEED_DEMO: 'no' }).seedDemo).toBe(false);
    expect(readConfig({ SEED_DEMO: ' FALSE ' }).seedDemo).toBe(false);
    expect(readConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
  });

  it('takes the whole range of ports and the usual PostgreSQL URLs', () => {
    expect(readConfig({ PORT: '65535' }).port).toBe(65535);
    expect(readConfig({ DATABASE_URL: 'postgresql:///hub?host=/var/run/postgresql' }).databaseUrl).toBe(
      'postgresql:///hub?host=/var/run/postgresql',
    );
    expect(readConfig({ DATABASE_URL: POSTGRES, DATABASE_SCHEMA: 'hub_2' }).databaseSchema).toBe('hub_2');
  });
});

/** An error as Node or `pg` makes it: a message and its code (and the call that failed). */
const failure = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

describe('why the server could not start', () => {
  const settings = { port: 8080, databaseUrl: POSTGRES, dataDir: '/srv/hub/data' };

  it.each([
    [
      failure('listen EADDRINUSE: address already in use :::8080', { code: 'EADDRINUSE', syscall: 'listen' }),
      /Port 8080 is already in use.*set PORT to a free port/,
    ],
    [
      failure('listen EACCES: permission denied 0.0.0.0:80', { code: 'EACCES', syscall: 'listen' }),
      /may not listen on port 8080.*1024/,
    ],
    [
      failure('connect ECONNREFUSED 10.0.0.5:5433', { code: 'ECONNREFUSED', syscall: 'connect' }),
      /Could not reach PostgreSQL at db\.example\.org:5433, database "hub" \(DATABASE_URL\)/,
    ],
    [
      failure('getaddrinfo ENOTFOUND db.example.org', { code: 'ENOTFOUND', hostname: 'db.example.org' }),
      /Could not find the host "db\.example\.org" named in DATABASE_URL/,
    ],
    [
      failure('password authentication failed for user "hub"', { code: '28P01' }),
      /refused the password in DATABASE_URL/,
    ],
    [
      failure('database "hub" does not exist', { code: '3D000' }),
      /database "hub" does not exist\. Create it/,
    ],
    [
      failure('permission denied for database hub', { code: '42501' }),
      /may not create the tables it needs.*Grant it CREATE/,
    ],
    [
      failure("EEXIST: file already exists, mkdir '/srv/hub/data'", {
        code: 'EEXIST',
        syscall: 'mkdir',
        path: '/srv/hub/data',
      }),
      /DATA_DIR \/srv\/hub\/data is a file, not a folder/,
    ],
    [
      failure("EACCES: permission denied, open '/srv/hub/data/resilience-hub.lock'", {
        code: 'EACCES',
        syscall: 'open',
        path: '/srv/hub/data/resilience-hub.lock',
      }),
      /may not write to the data folder \/srv\/hub\/data \(DATA_DIR\)/,
    ],
  ])('says it in plain words: %s', (error, words) => {
    const problem = startupProblem(error, settings);
    expect(problem).toMatch(words);
    expect(problem).not.toMatch(/s3cret-word/);
  });

  it('leaves a fault of ours to its stack trace', () => {
    expect(startupProblem(new TypeError("Cannot read properties of undefined (reading 'x')"), settings)).toBe(
      undefined,
    );
    expect(startupProblem('not even an error', settings)).toBe(undefined);
  });
});
