// `npm run check-records`: lists the stored records this version's schemas refuse (stored by an older
// version under looser rules), by entity and field with their ids, so an operator can mend them before
// devices set them aside, and those naming a record the server never had. The server runs the same check
// after each start and logs a summary. Uses the same database settings as the server; with PGlite, stop
// the server first. Exits 1 when it finds any.
import { runWhenStarted, withCommandDatabase, type Output } from './command.ts';
import { findUnreadableRecords, MENDING } from '../storage/unreadableRecords.ts';

export async function runCheckRecords(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  out: Output,
): Promise<number> {
  if (args.length > 0) {
    out.error('Usage: npm run check-records');
    return 1;
  }
  return withCommandDatabase(env, async (db) => {
    const report = await findUnreadableRecords(db);
    for (const entry of report.dangling) {
      out.log(
        `${entry.entity}.${entry.field}: ${entry.ids.length} ${entry.message} (correct them in the app)`,
      );
      for (const id of entry.ids) out.log(`  ${id}`);
    }
    if (report.unreadable === 0) {
      out.log(`All ${report.checked} stored records pass this version's checks (${report.ms} ms).`);
      return report.dangling.length === 0 ? 0 : 1;
    }
    out.log(
      `${report.unreadable} of ${report.checked} stored records do not pass this version's checks (${report.ms} ms):`,
    );
    for (const entry of report.fields) {
      out.log(`${entry.entity}.${entry.field}: ${entry.ids.length} — ${entry.message}`);
      for (const id of entry.ids) out.log(`  ${id}`);
    }
    out.log(MENDING);
    return 1;
  });
}

runWhenStarted(import.meta.url, runCheckRecords);
