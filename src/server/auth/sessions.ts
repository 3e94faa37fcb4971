// Bearer-token sessions. The token is random and shown to the client once; only its SHA-256 is
// stored, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../storage/database.ts';
import type { User } from '../../domain/accounts/user.ts';
import { toUser } from './users.ts';
import { scopeKey } from '../../domain/entities/access.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new sign-in of `user`, named by the device's user agent (the people screen lists devices by it) and
 * marked with what the user may see now (scope_key: a later change of role or parish tells the device).
 */
export async function createSession(db: Queryable, user: User, days: number, userAgent = '') {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at, user_agent, scope_key)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashToken(token), user.id, expiresAt.toISOString(), userAgent.slice(0, 500), scopeKey(user)],
  );
  return { token, expiresAt: expiresAt.toISOString() };
}

export async function findSessionUser(db: Queryable, token: string): Promise<User | undefined> {
  const rows = await db.query<{
    id: string;
    username: string;
    display_name: string;
    role: string;
    parish_code: string | null;
    password_hash: string;
  }>(
    `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [hashToken(token)],
  );
  return rows[0] && toUser(rows[0]);
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}
