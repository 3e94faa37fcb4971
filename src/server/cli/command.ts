// What every `npm run <command>` for operators shares: where it prints, the database it opens (the
// server's own settings: DATABASE_URL, or PGlite in DATA_DIR) and how it runs when started from the
// command line rather than imported by a test.
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../storage/open.ts';
import { startupProblem } from '../startupProblem.ts';
import { readStorageConfig } from '../config.ts';
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
  const storage = readStorageConfig(env);
  const db = await openDatabase({
    databaseUrl: storage.databaseUrl,
    dataDir: storage.dataDir,
    schema: storage.databaseSchema,
  });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The settings a start-up problem names, or none when they are themselves the problem. */
function storageSettings(env: NodeJS.ProcessEnv) {
  try {
    return readStorageConfig(env);
  } catch {
    return {};
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
      // Plain words for what the operator can mend (the database unreachable, the folder in use).
      console.error(
        startupProblem(error, storageSettings(process.env)) ??
          (error instanceof Error ? error.message : String(error)),
      );
      process.exitCode = 1;
    },
  );
}
