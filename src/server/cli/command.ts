// What every `npm run <command>` for operators shares: where it prints, the database it opens (the
// server's own settings: DATABASE_URL, or PGlite in DATA_DIR) and how it runs when started from the
// command line rather than imported by a test.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../storage/open.ts';
import type { Database } from '../storage/database.ts';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Opens the database the server would use, runs `work` on it and closes it, whatever happens. */
export async function withCommandDatabase<T>(
  env: NodeJS.ProcessEnv,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || './data'),
    schema: env.DATABASE_SCHEMA || undefined,
  });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

type Command = (args: readonly string[], env: NodeJS.ProcessEnv, out: Output) => Promise<number>;

/** Runs `command` with the process's arguments when `moduleUrl` is the file node was started with. */
export function runWhenStarted(moduleUrl: string, command: Command): void {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  command(process.argv.slice(2), process.env, console).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
