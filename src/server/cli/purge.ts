// `npm run purge [-- --days N]`: removes requesters' personal details from requests done or cancelled
// more than N days ago (RETENTION_DAYS, default 90), as the server also does daily. Uses the same
// database settings as the server; with PGlite, stop the server first.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../storage/open.ts';
import { purgeRequests } from '../retention/purge.ts';
import { readConfig } from '../config.ts';
import type { Output } from './importArea.ts';

export async function runPurge(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  out: Output,
): Promise<number> {
  let days = readConfig(env).retentionDays;
  if (args.length > 0) {
    const value = args[0] === '--days' ? Number(args[1]) : NaN;
    if (args.length !== 2 || !Number.isInteger(value) || value <= 0) {
      out.error('Usage: npm run purge [-- --days N]   (N a positive whole number of days)');
      return 1;
    }
    days = value;
  }
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || './data'),
    schema: env.DATABASE_SCHEMA || undefined,
  });
  try {
    const report = await purgeRequests(db, { days, by: 'npm run purge' });
    out.log(
      `Removed personal details from ${report.requests} request(s) finished more than ${days} days ago ` +
        `(${report.timelineEntries} note(s), ${report.conflicts} conflict(s)).`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runPurge(process.argv.slice(2), process.env, console).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
