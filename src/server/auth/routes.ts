// Sign-in, sign-out and "who am I", plus the middleware that guards every other /api route.
import { Hono, type MiddlewareHandler } from 'hono';
import type { Database } from '../storage/database.ts';
import {
  loginRequestSchema,
  signInSaltRequestSchema,
  type LoginResponse,
  type User,
} from '../../domain/accounts/user.ts';
import { readJson } from '../http/body.ts';
import { unauthorized } from '../http/errors.ts';
import { HASHES_AT_ONCE, TurnQueue, hashPassword, verifyPassword, verifyProof } from './password.ts';
import { createSession, endSession, findSessionUser } from './sessions.ts';
import { findUserByUsername, renewPasswordHash, toUser } from './users.ts';
import { LoginThrottle } from './throttle.ts';
import { signInSalts } from './signInSalt.ts';
import { clientAddress } from '../http/clientAddress.ts';

export interface AuthEnv {
  Variables: { user: User; token: string };
}

/** Sign-ins with a proof being checked at once (each holds a database connection while it waits). */
const PROOFS_AT_ONCE = 4;
// Verifying against a real hash when the user does not exist keeps the answer time the same, so
// timing does not reveal which usernames exist.
const DUMMY_HASH =
  'scrypt-sha256$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
/** The one answer to a wrong username, password, proof or a disabled account: which one is not said. */
export const NO_MATCH = 'That username and password do not match. Check them and try again.';

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

export function requireUser(db: Database): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw unauthorized('Please sign in: this needs an Authorization: Bearer token.');
    const user = await findSessionUser(db, token);
    if (!user) throw unauthorized('Your sign-in has expired or is not valid. Please sign in again.');
    c.set('user', user);
    c.set('token', token);
    await next();
  };
}

/** `trustProxy`: how many reverse proxies' X-Forwarded-For to believe (see clientAddress.ts). */
export function authRoutes(db: Database, sessionDays: number, trustProxy = 0) {
  const throttle = new LoginThrottle(db);
  const signInTurns = new TurnQueue(HASHES_AT_ONCE);
  const proofTurns = new TurnQueue(PROOFS_AT_ONCE);
  const saltFor = signInSalts(db);

  /** With the password: the server runs scrypt, so sign-ins take turns (see password.ts). */
  const checkPassword = (username: string, password: string, address: string) =>
    // An attempt is counted when its turn comes, just before its password is checked (so parallel
    // guesses cannot outrun the count), and a right password takes its count back: a burst of right
    // sign-ins from one office address never builds up a count, however many people sign in at once.
    signInTurns.run(async () => {
      const attempt = await throttle.attempt(username, address);
      const found = await findUserByUsername(db, username);
      const checked = await verifyPassword(password, found?.password_hash ?? DUMMY_HASH);
      if (!found || !checked.matches) throw unauthorized(NO_MATCH);
      await attempt.succeeded();
      // A hash made at an older cost, or of a password as typed before passwords were normalised, is
      // renewed now, the one moment the password is known.
      if (checked.renew)
        await renewPasswordHash(db, found.id, found.password_hash, await hashPassword(password));
      return found;
    });

  /**
   * With a proof the device made (signInSalt.ts): one SHA-256 instead of scrypt, so it is checked first
   * and the throttle then decides, in one transaction, whether the answer may be given (throttle.ts).
   * They take turns only so that a burst, all queueing for one office address's row, leaves the other
   * requests database connections to work with.
   */
  const checkProof = (username: string, proof: string, address: string) =>
    proofTurns.run(async () => {
      const found = await findUserByUsername(db, username);
      const proofOk = verifyProof(proof, found?.password_hash ?? DUMMY_HASH);
      await throttle.decide(username, address, found !== undefined && proofOk);
      if (!found || !proofOk) throw unauthorized(NO_MATCH);
      return found;
    });

  return new Hono<AuthEnv>()
    .post('/salt', async (c) => {
      const { username } = await readJson(c, signInSaltRequestSchema);
      c.header('Cache-Control', 'no-store');
      return c.json(await saltFor(username));
    })
    .post('/login', async (c) => {
      const { username, password, proof } = await readJson(c, loginRequestSchema);
      const address = clientAddress(c, trustProxy);
      // The schema lets through exactly one of the two.
      const row =
        proof !== undefined
          ? await checkProof(username, proof, address)
          : await checkPassword(username, password ?? '', address);
      const user = toUser(row);
      const session = await createSession(db, user, sessionDays, c.req.header('user-agent'));
      const answer: LoginResponse = { token: session.token, user, expiresAt: session.expiresAt };
      return c.json(answer);
    })
    .use('/me', requireUser(db))
    .get('/me', (c) => c.json({ user: c.get('user') }))
    .use('/logout', requireUser(db))
    .post('/logout', async (c) => {
      await endSession(db, c.get('token'));
      return c.body(null, 204);
    });
}
