// The signed-in person's own account (/api/account): who they are now (role, parish and the scope
// their device should hold), acknowledging a narrowed scope, changing their password (required after a
// one-time password, which signs out their other devices), and their signed-in devices, any of which
// they can sign out.
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import { passwordChangeSchema, type Account } from '../../domain/accounts/people.ts';
import { scopeKey } from '../../domain/entities/access.ts';
import { idSchema } from '../../domain/entities/common.ts';
import { readJson, readQuery } from '../http/body.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { verifyPassword } from './password.ts';
import { passwordText } from '../../domain/accounts/passwordText.ts';
import { activeSession, type SessionEnv } from './sessionGuard.ts';
import { listSessions, revokeSessions, setPassword } from './peopleStore.ts';
import { sessionsPageQuery } from '../../domain/api/paging.ts';
import { counted } from '../../domain/words/counted.ts';

export function accountRoutes(db: Database) {
  return (
    new Hono<SessionEnv>()
      .get('/', async (c) => {
        const session = await activeSession(db, c.get('token'));
        const answer: Account = {
          user: session.user,
          mustChangePassword: session.mustChangePassword,
          scopeKey: scopeKey(session.user),
        };
        return c.json(answer);
      })
      // Called by a device once it has removed what its old role or parish let it hold; from then on it
      // syncs under the new one.
      .post('/scope', async (c) => {
        const user = c.get('user');
        await db.query('UPDATE sessions SET scope_key = $2 WHERE id = $1::uuid', [
          c.get('sessionId'),
          scopeKey(user),
        ]);
        return c.json({ user, scopeKey: scopeKey(user) });
      })
      .post('/password', async (c) => {
        const change = await readJson(c, passwordChangeSchema);
        const user = c.get('user');
        const [row] = await db.query<{ password_hash: string }>(
          'SELECT password_hash FROM users WHERE id = $1::uuid',
          [user.id],
        );
        if (!row || !(await verifyPassword(change.currentPassword, row.password_hash)).matches) {
          throw badRequest('invalid', 'Please check: currentPassword.', {
            currentPassword: 'that is not your current password',
          });
        }
        if (passwordText(change.newPassword) === passwordText(change.currentPassword)) {
          throw badRequest('invalid', 'Please check: newPassword.', {
            newPassword: 'choose a password different from the current one',
          });
        }
        await db.transaction(async (tx) => {
          await setPassword(tx, user.id, change.newPassword, false);
          // Whoever held the old password may hold a device signed in with it: only this one stays.
          const others = await revokeSessions(tx, user.id, 'self', { except: c.get('sessionId') });
          await recordAudit(tx, [
            {
              action: 'password_changed',
              userId: user.id,
              username: user.username,
              ...(others > 0 ? { detail: `${counted(others, 'other device')} signed out` } : {}),
            },
          ]);
        });
        return c.body(null, 204);
      })
      .get('/sessions', async (c) =>
        c.json(await listSessions(db, c.get('user').id, c.get('sessionId'), readQuery(c, sessionsPageQuery))),
      )
      .delete('/sessions/:id', async (c) => {
        const id = c.req.param('id');
        const user = c.get('user');
        if (!idSchema.safeParse(id).success) throw notFound('There is no such signed-in device.');
        const count = await db.transaction(async (tx) => {
          const revoked = await revokeSessions(tx, user.id, 'self', { only: id });
          if (revoked > 0) {
            await recordAudit(tx, [
              {
                action: 'device_signed_out',
                userId: user.id,
                username: user.username,
                detail: `session ${id}`,
              },
            ]);
          }
          return revoked;
        });
        if (count === 0) throw notFound('There is no such signed-in device.');
        return c.body(null, 204);
      })
  );
}
