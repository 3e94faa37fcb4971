// Server configuration, read once from the environment. The README's configuration table documents
// every variable here; keep the two in step.
import { resolve } from 'node:path';
import { allowEntryProblem } from './openReferral/feedAddress.ts';
import { SEGMENT_SETTINGS } from './sync/staffSegments.ts';

export interface ServerConfig {
  port: number;
  /** Where PGlite keeps its files when DATABASE_URL is not set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** A PostgreSQL schema to use instead of public (several installations or test runs on one database). */
  databaseSchema: string | undefined;
  /** The built PWA (vite build output). */
  distDir: string;
  /** How long a sign-in lasts. Long, because duty officers work offline for days. */
  sessionDays: number;
  /**
   * Seed the demo borough and demo users into an empty database: by default only on the embedded
   * database (`npm start`), never on a PostgreSQL server unless SEED_DEMO says so.
   */
  seedDemo: boolean;
  /** Base-map tile URL template for the ward map ({z}/{x}/{y}); null: boundaries on a plain background. */
  tileUrl: string | null;
  /** Credit for the tile server, shown on the map; null when not set. */
  tileAttribution: string | null;
  /**
   * How many reverse proxies stand in front of the server whose X-Forwarded-For/-Proto to believe
   * (0: none; the socket's address is the client's).
   */
  trustProxy: number;
  /** Minutes without use before the app locks itself and asks for the password again. */
  idleLockMinutes: number;
  /** Days after a request is done or cancelled before its requester's details are removed. */
  retentionDays: number;
  /**
   * Addresses, ranges and host names inside the council's network that an Open Referral feed may
   * still be fetched from (all others that are not public are refused).
   */
  orukFetchAllow: string[];
  /** Megabytes of gzipped first-pull pages each server process keeps for the next device (0: none). */
  pullCacheMb: number;
  /**
   * Staff pulls a second to one process from which they are answered from shared segments of the log
   * (sync/staffSegments.ts; 0: never, 1: every staff pull).
   */
  pullSegmentsFrom: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A whole number of at least `least` (1 unless 0 means something), or the fallback when not set. */
function wholeNumber(name: string, raw: string | undefined, fallback: number, least = 1): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least)
    throw new ConfigError(
      `${name} must be a ${least === 0 ? 'whole number (0 or more)' : 'positive whole number'}, not "${raw}"`,
    );
  return value;
}

/** A port number a server can listen on. */
function port(raw: string | undefined): number {
  const value = wholeNumber('PORT', raw, 8080);
  if (value > 65_535) throw new ConfigError(`PORT must be a port number from 1 to 65535, not "${raw}"`);
  return value;
}

/** Yes or no: true/false (also yes/no, on/off, 1/0), or the fallback when not set. */
function yesOrNo(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${raw}"`);
}

/**
 * DATABASE_URL must be a PostgreSQL URL: anything else reached `pg` as a host name ("notaurl" failed as
 * "getaddrinfo ENOTFOUND base"). The message never repeats the URL, which may hold a password.
 */
function databaseUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let scheme: string | undefined;
  try {
    scheme = new URL(value).protocol;
  } catch {
    scheme = undefined;
  }
  if (scheme !== 'postgres:' && scheme !== 'postgresql:')
    throw new ConfigError(
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
    );
  return value;
}

/** A schema name goes into SQL as an identifier: plain lower-case letters, digits and underscores. */
function schemaName(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value))
    throw new ConfigError(
      `DATABASE_SCHEMA must be lower-case letters, digits and underscores (up to 63, not starting with a digit), not "${raw}"`,
    );
  return value;
}

/** A tile URL must be http(s) and name {z}, {x} and {y}; otherwise every tile would be the same picture. */
function tileUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const url = raw.trim();
  if (!/^https?:\/\//.test(url) || !['{z}', '{x}', '{y}'].every((part) => url.includes(part)))
    throw new ConfigError(`TILE_URL must be an http(s) URL containing {z}, {x} and {y}, not "${raw}"`);
  return url;
}

/** TRUST_PROXY: a number of proxy hops, or true (one) / false (none). */
function proxyHops(raw: string | undefined): number {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  if (!/^\d+$/.test(value))
    throw new ConfigError(`TRUST_PROXY must be true, false or a number of proxies, not "${raw}"`);
  return Number(value);
}

/** ORUK_FETCH_ALLOW: a comma-separated list of addresses, ranges (CIDR) and host names. */
function fetchAllowList(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const problem = allowEntryProblem(entry);
    if (problem) throw new ConfigError(`ORUK_FETCH_ALLOW: "${entry}" ${problem}`);
  }
  return entries;
}

/** Where the database is: the server's settings, which operators' commands (`npm run …`) share. */
export function readStorageConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    databaseSchema: schemaName(env.DATABASE_SCHEMA),
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const storage = readStorageConfig(env);
  return {
    port: port(env.PORT),
    ...storage,
    distDir: resolve(env.DIST_DIR || './dist'),
    sessionDays: wholeNumber('SESSION_DAYS', env.SESSION_DAYS, 30),
    // A real PostgreSQL is a real deployment: demo people with published passwords only when asked.
    seedDemo: yesOrNo('SEED_DEMO', env.SEED_DEMO, storage.databaseUrl === undefined),
    tileUrl: tileUrl(env.TILE_URL),
    tileAttribution: env.TILE_ATTRIBUTION?.trim() || null,
    trustProxy: proxyHops(env.TRUST_PROXY),
    idleLockMinutes: wholeNumber('IDLE_LOCK_MINUTES', env.IDLE_LOCK_MINUTES, 15),
    retentionDays: wholeNumber('RETENTION_DAYS', env.RETENTION_DAYS, 90),
    orukFetchAllow: fetchAllowList(env.ORUK_FETCH_ALLOW),
    pullCacheMb: wholeNumber('PULL_CACHE_MB', env.PULL_CACHE_MB, 64, 0),
    pullSegmentsFrom: wholeNumber(
      'PULL_SEGMENTS_FROM',
      env.PULL_SEGMENTS_FROM,
      SEGMENT_SETTINGS.busyPullsPerSecond,
      0,
    ),
  };
}
