// The people API for admins (/api/admin/users): list, create with a one-time password, change name,
// role or parish, reset a password (signing their devices out), disable and re-enable, list a
// person's devices and sign them all out (a lost phone). Every change is in the audit trail. A role or parish change takes effect on the
// person's next request: their devices are told to narrow their copy (see sessionGuard.ts).
import { Hono, type MiddlewareHandler } from 'hono';
import type { Database, Queryable } from '../storage/database.ts';
import {
  newUserSchema,
  parishProblem,
  userChangeSchema,
  type ManagedUser,
} from '../../domain/accounts/people.ts';
import { canManagePeople } from '../../domain/entities/access.ts';
import { idSchema } from '../../domain/entities/common.ts';
import { readJson, readQuery } from '../http/body.ts';
import { peoplePageQuery, sessionsPageQuery } from '../../domain/api/paging.ts';
import { badRequest, forbidden, HttpError, isUniqueViolation, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { SessionEnv } from './sessionGuard.ts';
import {
  findManagedUser,
  insertUser,
  listSessions,
  listUsers,
  oneTimePassword,
  otherActiveAdmins,
  revokeSessions,
  setPassword,
  usernameTaken,
} from './peopleStore.ts';
import { counted } from '../../domain/words/counted.ts';

export function adminOnly(): MiddlewareHandler<SessionEnv> {
  return async (c, next) => {
    if (!canManagePeople(c.get('user'))) {
      throw forbidden('Only administrators (the policy and information team) can do this.');
    }
    await next();
  };
}

async function checkParish(db: Queryable, parishCode: string | null): Promise<void> {
  if (parishCode === null) return;
  const rows = await db.query('SELECT 1 FROM parishes WHERE id = $1', [parishCode]);
  if (rows.length === 0) {
    throw badRequest('invalid', 'Please check: parishCode.', { parishCode: 'there is no such parish' });
  }
}

/**
 * Refuses to leave no active administrator when `userId` stops being one (demoted or disabled).
 * Checked in the transaction that makes the change, with every active admin's row locked: two admins
 * demoting or disabling each other at once each saw the other still there, and both went through.
 */
async function keepAnAdmin(tx: Queryable, userId: string): Promise<void> {
  if ((await otherActiveAdmins(tx, userId)) > 0) return;
  throw new HttpError(409, 'last_admin', 'This is the last administrator: make someone else one first.');
}

async function userOr404(db: Queryable, id: string): Promise<ManagedUser> {
  const user = idSchema.safeParse(id).success ? await findManagedUser(db, id) : undefined;
  if (!user) throw notFound('There is no such user.');
  return user;
}

export function userAdminRoutes(db: Database) {
  return new Hono<SessionEnv>()
    .use('*', adminOnly())
    .get('/', async (c) => c.json(await listUsers(db, readQuery(c, peoplePageQuery))))
    .post('/', async (c) => {
      const input = await readJson(c, newUserSchema);
      const taken = () =>
        new HttpError(409, 'username_taken', `The username ${input.username} is already taken.`, {
          username: 'already taken: choose another',
        });
      if (await usernameTaken(db, input.username)) throw taken();
      await checkParish(db, input.parishCode);
      const password = oneTimePassword();
      const admin = c.get('user');
      const id = await db
        .transaction(async (tx) => {
          const created = await insertUser(tx, input, password);
          await recordAudit(tx, [
            {
              action: 'user_created',
              userId: admin.id,
              username: admin.username,
              entity: 'user',
              recordId: created,
              newValue: { username: input.username, role: input.role, parishCode: input.parishCode },
            },
          ]);
          return created;
        })
        // Two admins (or two taps) making one username at once: the second is told it is taken.
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? taken() : error;
        });
      return c.json({ user: await userOr404(db, id), oneTimePassword: password }, 201);
    })
    .patch('/:id', async (c) => {
      const before = await userOr404(db, c.req.param('id'));
      const change = await readJson(c, userChangeSchema);
      const role = change.role ?? before.role;
      // A coordinator keeps their parish unless it is changed; another role has none, and a parish
      // sent for one is refused rather than dropped.
      const parishCode =
        change.parishCode !== undefined
          ? change.parishCode
          : role === 'parish_coordinator'
            ? before.parishCode
            : null;
      const problem = parishProblem(role, parishCode);
      if (problem) throw badRequest('invalid', 'Please check: parishCode.', { parishCode: problem });
      await checkParish(db, parishCode);
      const admin = c.get('user');
      const displayName = change.displayName ?? before.displayName;
      await db.transaction(async (tx) => {
        if (before.role === 'admin' && role !== 'admin') await keepAnAdmin(tx, before.id);
        await tx.query(
          'UPDATE users SET display_name = $2, role = $3, parish_code = $4 WHERE id = $1::uuid',
          [before.id, displayName, role, parishCode],
        );
        const audit = { userId: admin.id, username: admin.username, entity: 'user', recordId: before.id };
        if (role !== before.role || parishCode !== before.parishCode) {
          await recordAudit(tx, [
            {
              ...audit,
              action: 'role_change',
              field: 'role',
              oldValue: { role: before.role, parishCode: before.parishCode },
              newValue: { role, parishCode },
              detail: before.username,
            },
          ]);
        }
        if (displayName !== before.displayName) {
          await recordAudit(tx, [
            {
              ...audit,
              action: 'user_changed',
              field: 'displayName',
              oldValue: before.displayName,
              newValue: displayName,
            },
          ]);
        }
      });
      return c.json({ user: await userOr404(db, before.id) });
    })
    .post('/:id/password', async (c) => {
      const user = await userOr404(db, c.req.param('id'));
      const password = oneTimePassword();
      const admin = c.get('user');
      await db.transaction(async (tx) => {
        await setPassword(tx, user.id, password, true);
        // A reset is what an admin does for a password someone else may know: a device signed in with
        // it would otherwise carry on once the person chose their new one.
        // (An admin resetting their own keeps the device in hand.)
        const kept = user.id === admin.id ? { except: c.get('sessionId') } : null;
        const revoked = await revokeSessions(tx, user.id, 'admin', kept);
        await recordAudit(tx, [
          {
            action: 'password_reset',
            userId: admin.id,
            username: admin.username,
            entity: 'user',
            recordId: user.id,
            detail:
              revoked > 0 ? `${user.username}; ${counted(revoked, 'device')} signed out` : user.username,
          },
        ]);
      });
      return c.json({ user: await userOr404(db, user.id), oneTimePassword: password });
    })
    .post('/:id/disable', async (c) => {
      const user = await userOr404(db, c.req.param('id'));
      const admin = c.get('user');
      if (user.id === admin.id)
        throw new HttpError(409, 'own_account', 'You cannot disable your own account.');
      await db.transaction(async (tx) => {
        if (user.role === 'admin') await keepAnAdmin(tx, user.id);
        await tx.query('UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE id = $1::uuid', [
          user.id,
        ]);
        await recordAudit(tx, [
          {
            action: 'user_disabled',
            userId: admin.id,
            username: admin.username,
            entity: 'user',
            recordId: user.id,
            detail: user.username,
          },
        ]);
      });
      return c.json({ user: await userOr404(db, user.id) });
    })
    .post('/:id/enable', async (c) => {
      const user = await userOr404(db, c.req.param('id'));
      const admin = c.get('user');
      await db.transaction(async (tx) => {
        await tx.query('UPDATE users SET disabled_at = NULL WHERE id = $1::uuid', [user.id]);
        await recordAudit(tx, [
          {
            action: 'user_enabled',
            userId: admin.id,
            username: admin.username,
            entity: 'user',
            recordId: user.id,
            detail: user.username,
          },
        ]);
      });
      return c.json({ user: await userOr404(db, user.id) });
    })
    .get('/:id/sessions', async (c) => {
      const user = await userOr404(db, c.req.param('id'));
      const page = readQuery(c, sessionsPageQuery);
      return c.json(await listSessions(db, user.id, c.get('sessionId'), page));
    })
    .post('/:id/sign-out-everywhere', async (c) => {
      const user = await userOr404(db, c.req.param('id'));
      const admin = c.get('user');
      const count = await db.transaction(async (tx) => {
        // (An admin resetting their own keeps the device in hand.)
        const kept = user.id === admin.id ? { except: c.get('sessionId') } : null;
        const revoked = await revokeSessions(tx, user.id, 'admin', kept);
        await recordAudit(tx, [
          {
            action: 'device_signed_out',
            userId: admin.id,
            username: admin.username,
            entity: 'user',
            recordId: user.id,
            detail: `${counted(revoked, 'device')} of ${user.username} signed out by an administrator`,
          },
        ]);
        return revoked;
      });
      return c.json({ signedOut: count });
    });
}
