// People in storage for the admin screens: listing users with their devices, creating them with a
// one-time password, changing role or parish, disabling, and signing devices out. Each change that
// matters goes into the audit trail in the same transaction.
import { randomInt, randomUUID } from 'node:crypto';
import type { Queryable } from '../storage/database.ts';
import type { DeviceSession, ManagedUser, NewUserInput } from '../../domain/accounts/people.ts';
import { deviceName } from '../../domain/accounts/people.ts';
import { userSchema } from '../../domain/accounts/user.ts';
import { hashPassword } from './password.ts';
import { pageOf, type PageQuery } from '../../domain/api/paging.ts';

// No 0/O, 1/l/I: read aloud over a phone or copied from a screen without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Three groups of four, e.g. "k7mp-2xqa-9rtd": about 71 bits, typed once on a phone. */
export function oneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}

interface ManagedRow extends Record<string, unknown> {
  id: string;
  username: string;
  display_name: string;
  role: string;
  parish_code: string | null;
  disabled: boolean;
  must_change_password: boolean;
  created_at: unknown;
  last_seen_at: unknown;
  devices: number;
}

const iso = (value: unknown) => new Date(value as string).toISOString();

function toManaged(row: ManagedRow): ManagedUser {
  const user = userSchema.parse({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    parishCode: row.parish_code,
  });
  return {
    ...user,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: iso(row.created_at),
    lastSeenAt: row.last_seen_at === null ? null : iso(row.last_seen_at),
    devices: row.devices,
  };
}

const LIVE_SESSION = 's.revoked_at IS NULL AND s.expires_at > now()';

const MANAGED_SELECT = `
  SELECT u.id::text AS id, u.username, u.display_name, u.role, u.parish_code,
    u.disabled_at IS NOT NULL AS disabled, u.must_change_password, u.created_at,
    (SELECT max(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id) AS last_seen_at,
    (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND ${LIVE_SESSION}) AS devices
  FROM users u`;

/** One page of people by name (the id breaks ties, so pages neither skip nor repeat anyone). */
export async function listUsers(
  db: Queryable,
  page: PageQuery,
): Promise<{ users: ManagedUser[]; nextOffset: number | null }> {
  const rows = await db.query<ManagedRow>(
    `${MANAGED_SELECT} ORDER BY lower(u.display_name), u.username, u.id LIMIT $1 OFFSET $2`,
    [page.limit + 1, page.offset],
  );
  const { rows: shown, nextOffset } = pageOf(rows, page);
  return { users: shown.map(toManaged), nextOffset };
}

export async function findManagedUser(db: Queryable, id: string): Promise<ManagedUser | undefined> {
  const [row] = await db.query<ManagedRow>(`${MANAGED_SELECT} WHERE u.id = $1::uuid`, [id]);
  return row && toManaged(row);
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username]);
  return rows.length > 0;
}

/** Stores a new user who must change the given password at their first sign-in; returns their id. */
export async function insertUser(db: Queryable, input: NewUserInput, password: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO users (id, username, display_name, password_hash, role, parish_code, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, true)`,
    [id, input.username, input.displayName, await hashPassword(password), input.role, input.parishCode],
  );
  return id;
}

export async function setPassword(
  db: Queryable,
  userId: string,
  password: string,
  mustChange: boolean,
): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1::uuid', [
    userId,
    await hashPassword(password),
    mustChange,
  ]);
}

/**
 * Signs devices out: all of a person's, `only` one, or all `except` one (the device in hand); returns
 * how many. `reason` 'admin' or 'self' is told to the device.
 */
export async function revokeSessions(
  db: Queryable,
  userId: string,
  reason: 'admin' | 'self',
  which: { only: string } | { except: string } | null = null,
): Promise<number> {
  const chosen = which === null ? '' : 'only' in which ? 'AND s.id = $3::uuid' : 'AND s.id <> $3::uuid';
  const rows = await db.query(
    `UPDATE sessions s SET revoked_at = now(), revoked_reason = $2
     WHERE s.user_id = $1::uuid AND ${LIVE_SESSION} ${chosen}
     RETURNING s.id`,
    which === null ? [userId, reason] : [userId, reason, 'only' in which ? which.only : which.except],
  );
  return rows.length;
}

/** One page of a person's signed-in devices, last seen first (the id breaks ties). */
export async function listSessions(
  db: Queryable,
  userId: string,
  currentSessionId: string | null,
  page: PageQuery,
): Promise<{ sessions: DeviceSession[]; nextOffset: number | null }> {
  const read = await db.query<{ id: string; user_agent: string; created_at: unknown; last_seen_at: unknown }>(
    `SELECT s.id::text AS id, s.user_agent, s.created_at, s.last_seen_at FROM sessions s
     WHERE s.user_id = $1::uuid AND ${LIVE_SESSION} ORDER BY s.last_seen_at DESC, s.id LIMIT $2 OFFSET $3`,
    [userId, page.limit + 1, page.offset],
  );
  const { rows, nextOffset } = pageOf(read, page);
  const sessions = rows.map((row) => ({
    id: row.id,
    device: deviceName(row.user_agent),
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    current: row.id === currentSessionId,
  }));
  return { sessions, nextOffset };
}

/** Admins who can still sign in, besides the one named. */
export async function otherActiveAdmins(db: Queryable, userId: string): Promise<number> {
  // Every active admin's row is locked, in one order (so two such checks never deadlock): a second
  // check waits for the first change to commit, then no longer counts the admin it demoted.
  const rows = await db.query<{ id: string }>(
    `SELECT id::text AS id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id FOR UPDATE`,
  );
  return rows.filter((row) => row.id !== userId).length;
}
