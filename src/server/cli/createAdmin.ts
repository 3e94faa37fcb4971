// `npm run create-admin -- <username> "<Full name>"`: the first administrator of a real deployment
// (demo data is for trying the app, not for running it). Prints a one-time password, to be changed at
// the first sign-in. Uses the same database settings as the server (DATABASE_URL, or PGlite in
// DATA_DIR); with PGlite, stop the server first.
import { describeFieldErrors, fieldErrors } from '../../domain/api/apiError.ts';
import { newUserSchema } from '../../domain/accounts/people.ts';
import { runWhenStarted, withCommandDatabase, type Output } from './command.ts';
import { recordAudit } from '../audit/audit.ts';
import { insertUser, oneTimePassword, usernameTaken } from '../auth/peopleStore.ts';

const USAGE = 'Usage: npm run create-admin -- <username> "<Full name>"';

export async function runCreateAdmin(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  out: Output,
): Promise<number> {
  if (args.length !== 2) {
    out.error(USAGE);
    return 1;
  }
  const parsed = newUserSchema.safeParse({ username: args[0], displayName: args[1], role: 'admin' });
  if (!parsed.success) {
    out.error(describeFieldErrors(fieldErrors(parsed.error)));
    out.error('Nothing was written.');
    return 1;
  }
  return withCommandDatabase(env, async (db) => {
    if (await usernameTaken(db, parsed.data.username)) {
      out.error(`The username ${parsed.data.username} is already taken. Nothing was written.`);
      return 1;
    }
    const password = oneTimePassword();
    await db.transaction(async (tx) => {
      const id = await insertUser(tx, parsed.data, password);
      await recordAudit(tx, [
        {
          action: 'user_created',
          entity: 'user',
          recordId: id,
          newValue: { username: parsed.data.username, role: 'admin', parishCode: null },
          detail: 'npm run create-admin',
        },
      ]);
    });
    out.log(`Created administrator ${parsed.data.username} (${parsed.data.displayName}).`);
    out.log(`One-time password: ${password}`);
    out.log('It works once: they choose their own password when they first sign in.');
    return 0;
  });
}

runWhenStarted(import.meta.url, runCreateAdmin);
