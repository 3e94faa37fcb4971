// The sign-in salt: what a device needs to turn a password into a sign-in proof (password.ts) before
// sending it. An account answers with its own salt and cost; a username nobody has gets a salt made
// from the name and this installation's secret, at today's cost, so the answer looks like anyone's and
// stays the same when asked again. An account whose hash is from an older cost is asked for the
// password instead: only then can the server hash it again at today's cost.
import { createHmac } from 'node:crypto';
import type { Queryable } from '../storage/database.ts';
import type { SignInSalt } from '../../domain/accounts/user.ts';
import { COST, hashIsOutdated, saltOf } from './password.ts';
import { findUserByUsername } from './users.ts';

export function signInSalts(db: Queryable) {
  // Read once per process: it is written by a migration and never changes.
  let secret: Promise<string> | undefined;
  const readSecret = async () => {
    const [row] = await db.query<{ value: string }>(
      `SELECT value FROM server_secrets WHERE name = 'sign_in_salt'`,
    );
    if (!row) throw new Error('The sign_in_salt secret is missing (migration 0010).');
    return row.value;
  };

  return async function saltFor(username: string): Promise<SignInSalt> {
    const found = await findUserByUsername(db, username);
    if (found && hashIsOutdated(found.password_hash)) return { send: 'password' };
    const own = found && saltOf(found.password_hash);
    if (own) return { send: 'proof', algorithm: 'scrypt', ...own };
    secret ??= readSecret().catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    const made = createHmac('sha256', await secret)
      .update(username.trim().toLowerCase())
      .digest()
      .subarray(0, 16);
    return { send: 'proof', algorithm: 'scrypt', ...COST, salt: made.toString('base64') };
  };
}
