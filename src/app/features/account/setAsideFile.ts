// Makes the file someone else's waiting changes are saved to before they are set aside (session.ts):
// each change named by its record as this device holds it, so a person reading the file knows which
// request or contact it was, and whole, so it can still be sent later (domain/sync/setAside.ts).
import type { LocalDatabase, OutboxEntry } from '../../store/localDatabase.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { describeEntity } from '../../../domain/entities/registry.ts';
import { setAsideFile, setAsideFileName, type MadeChange } from '../../../domain/sync/setAside.ts';
import { deviceId } from '../../store/device.ts';

export interface MadeFile {
  name: string;
  text: string;
}

/** The file for these changes, saved by `savedBy` (the person signing in). */
export async function makeSetAsideFile(
  db: LocalDatabase,
  entries: readonly OutboxEntry[],
  savedBy: User,
): Promise<MadeFile> {
  const savedAt = new Date().toISOString();
  const labels = new Map<string, string>();
  for (const entry of entries) {
    const description = describeEntity(entry.entity);
    const stored = await db.tableOf(entry.entity).table.get(entry.recordId);
    let label: string;
    try {
      label = description.label({ ...(stored ?? {}), ...entry.changes });
    } catch {
      // A record this device no longer holds whole: its kind and id say which it was.
      label = `${description.words.one} ${entry.recordId}`;
    }
    labels.set(entry.id, label);
  }
  const file = setAsideFile(entries, {
    recordOf: (change: MadeChange) => labels.get(change.id) ?? change.recordId,
    kindOf: (change: MadeChange) => describeEntity(change.entity).words.one,
    savedAt,
    savedBy,
    device: await deviceId(db),
  });
  return { name: setAsideFileName(entries, savedAt), text: `${JSON.stringify(file, null, 2)}\n` };
}
