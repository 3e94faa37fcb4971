// The guard in front of every signed-in API route. Besides "is this token valid", it says plainly why a
// device may not go on (signed out from elsewhere, account disabled, sign-in expired: each a 401 with
// its own code, so the app can tell the person), keeps the device's "last seen", holds back everything
// but the account routes until a one-time password is changed, and stops a device syncing under a role
// or parish it no longer has (409 scope_changed) until it has narrowed its copy.
import type { MiddlewareHandler } from 'hono';
import type { NamedStatement, Queryable } from '../storage/database.ts';
import type { User } from '../../domain/accounts/user.ts';
import { scopeKey } from '../../domain/entities/access.ts';
import { HttpError, unauthorized } from '../http/errors.ts';
import { bearerToken } from './routes.ts';
import { hashToken } from './sessions.ts';
import { toUser } from './users.ts';

export interface SessionEnv {
  Variables: { user: User; token: string; sessionId: string };
}

export interface ActiveSession {
  id: string;
  user: User;
  mustChangePassword: boolean;
  scopeKey: string | null;
}

const LAST_SEEN_EVERY_MS = 60_000;

export const KEPT_ON_DEVICE = 'Changes not yet sent stay on this device.';

interface SessionRow extends Record<string, unknown> {
  session_id: string;
  expired: boolean;
  revoked_at: string | null;
  revoked_reason: string | null;
  scope_key: string | null;
  last_seen_ms: number;
  id: string;
  username: string;
  display_name: string;
  role: string;
  parish_code: string | null;
  disabled_at: string | null;
  must_change_password: boolean;
}

/**
 * Read afresh on every request, on purpose: a sign-out, an account disabled or a role changed takes
 * effect on the next request at every server behind the load balancer. A per-process cache would save
 * about 0.2 ms of PostgreSQL a request (bench:load) and let a revoked token work until it expired there.
 * Named, so PostgreSQL plans it once per connection; no password hash comes back.
 */
const SESSION_STATEMENT: NamedStatement = {
  name: 'active-session',
  text: `SELECT s.id::text AS session_id, s.expires_at <= now() AS expired, s.revoked_at, s.revoked_reason,
       s.scope_key, (extract(epoch FROM s.last_seen_at) * 1000)::float8 AS last_seen_ms,
       u.id, u.username, u.display_name, u.role, u.parish_code, u.disabled_at, u.must_change_password
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
};

/** The session behind a token, or the 401 that says in plain words why it cannot be used. */
export async function activeSession(db: Queryable, token: string): Promise<ActiveSession> {
  const [row] = await db.query<SessionRow>(SESSION_STATEMENT, [hashToken(token)]);
  if (!row) throw unauthorized('Your sign-in has expired or is not valid. Please sign in again.');
  if (row.disabled_at !== null) {
    throw new HttpError(
      401,
      'account_disabled',
      `Your account has been disabled by an administrator, so this device can no longer sync. ${KEPT_ON_DEVICE}`,
    );
  }
  if (row.revoked_at !== null) {
    const by = row.revoked_reason === 'admin' ? 'by an administrator' : 'from another device';
    throw new HttpError(
      401,
      'signed_out',
      `This device was signed out ${by}, so it can no longer sync. ${KEPT_ON_DEVICE} Sign in again to send them.`,
    );
  }
  if (row.expired) throw unauthorized('Your sign-in has expired. Please sign in again.');
  const user = toUser(row);
  if (row.scope_key === null || Date.now() - row.last_seen_ms > LAST_SEEN_EVERY_MS) {
    // Sessions made before scopes were kept start from the role and parish they have now.
    await db.query(
      `UPDATE sessions SET last_seen_at = now(), scope_key = coalesce(scope_key, $2) WHERE id = $1::uuid`,
      [row.session_id, scopeKey(user)],
    );
  }
  return {
    id: row.session_id,
    user,
    mustChangePassword: row.must_change_password,
    scopeKey: row.scope_key ?? scopeKey(user),
  };
}

export function requireActiveUser(db: Queryable): MiddlewareHandler<SessionEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw unauthorized('Please sign in: this needs an Authorization: Bearer token.');
    const session = await activeSession(db, token);
    const path = c.req.path;
    if (session.mustChangePassword && !path.startsWith('/api/account')) {
      throw new HttpError(
        403,
        'password_change_required',
        'Choose a new password first: the one you were given works once only.',
      );
    }
    if (path.startsWith('/api/sync/') && session.scopeKey !== scopeKey(session.user)) {
      throw new HttpError(
        409,
        'scope_changed',
        'Your role or parish has changed. This device will now keep only what you may see.',
      );
    }
    c.set('user', session.user);
    c.set('token', token);
    c.set('sessionId', session.id);
    await next();
  };
}
