// What happens around sign-in and sign-out besides the password check (which stays in routes.ts):
// a disabled account is refused before its password is tried, and every sign-in, failed sign-in and
// sign-out goes into the audit trail. (A new session is stored with its browser and scope by
// createSession, in the same statement.)
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../storage/database.ts';
import { loginResponseSchema } from '../../domain/accounts/user.ts';
import { recordAudit } from '../audit/audit.ts';
import { unauthorized } from '../http/errors.ts';
import { bearerToken, NO_MATCH } from './routes.ts';
import { hashToken } from './sessions.ts';
import { findUnstorableText } from '../../domain/sync/storableText.ts';
import { parseJsonBody, readBodyText } from '../http/body.ts';

async function usernameOf(read: () => Promise<string>): Promise<string | null> {
  try {
    const body = parseJsonBody(await read());
    const username =
      body !== null && typeof body === 'object' ? (body as { username?: unknown }).username : null;
    // Text PostgreSQL cannot hold is left for the login route to refuse with a 400 naming the field.
    if (typeof username !== 'string' || findUnstorableText(username) !== null) return null;
    return username.trim().slice(0, 100);
  } catch {
    return null;
  }
}

export function loginEvents(db: Database): MiddlewareHandler {
  return async (c, next) => {
    // The same reading as the login route's, so both see one body (and its refusal is left to the route).
    const username = await usernameOf(() => readBodyText(c));
    if (username) {
      const [user] = await db.query<{ id: string; username: string; disabled: boolean }>(
        'SELECT id::text AS id, username, disabled_at IS NOT NULL AS disabled FROM users WHERE lower(username) = lower($1)',
        [username],
      );
      if (user?.disabled) {
        await recordAudit(db, [
          { action: 'sign_in_failed', userId: user.id, username: user.username, detail: 'account disabled' },
        ]);
        throw unauthorized(NO_MATCH);
      }
    }
    await next();
    if (c.res.status === 200) {
      const answer = loginResponseSchema.safeParse(await c.res.clone().json());
      if (!answer.success) return;
      const { user } = answer.data;
      await recordAudit(db, [{ action: 'sign_in', userId: user.id, username: user.username }]);
    } else if (c.res.status === 401 && username) {
      await recordAudit(db, [{ action: 'sign_in_failed', username }]);
    }
  };
}

export function logoutEvents(db: Database): MiddlewareHandler {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const [session] = token
      ? await db.query<{ user_id: string; username: string }>(
          `SELECT u.id::text AS user_id, u.username FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = $1`,
          [hashToken(token)],
        )
      : [];
    await next();
    if (session && c.res.status < 300) {
      await recordAudit(db, [{ action: 'sign_out', userId: session.user_id, username: session.username }]);
    }
  };
}
