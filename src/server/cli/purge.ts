// `npm run purge [-- --days N]`: removes requesters' personal details from requests done or cancelled
// more than N days ago (RETENTION_DAYS, default 90), as the server also does daily. Uses the same
// database settings as the server; with PGlite, stop the server first.
import { runWhenStarted, withCommandDatabase, type Output } from './command.ts';
import { purgeRequests } from '../retention/purge.ts';
import { readConfig } from '../config.ts';
import { counted } from '../../domain/words/counted.ts';

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
  return withCommandDatabase(env, async (db) => {
    const report = await purgeRequests(db, { days, by: 'npm run purge' });
    out.log(
      `Removed personal details from ${counted(report.requests, 'request')} finished more than ${days} days ago ` +
        `(${counted(report.timelineEntries, 'note')}, ${counted(report.conflicts, 'conflict')}).`,
    );
    return 0;
  });
}

runWhenStarted(import.meta.url, runPurge);
