// A device whose copy was lost comes back by itself. Browsers may delete a site's IndexedDB (short of
// space, Safari's seven-day rule, a person clearing "site data" for one database) or leave it unreadable.
// At start, before the app renders: if the main database cannot be opened it is rebuilt empty; if it
// lost the sign-in that this device's own database still has a spare of, the sign-in is put back; and
// whenever the copy was lost, the sync cursor is dropped so the next sync pulls everything afresh. An
// outbox that survived is left alone and is pushed as usual. The app then says what happened.
import { Dexie } from 'dexie';
import {
  localDatabase,
  readMeta,
  writeMeta,
  type LocalDatabase,
  type StoredSession,
} from '../../store/localDatabase.ts';
import { deviceDatabase } from './deviceDatabase.ts';

export interface RecoveryNote {
  at: string;
  /** What was found: the database unreadable, or its sign-in and records gone. */
  cause: 'unreadable' | 'missing';
  /** Changes still waiting to send that survived and will be sent. */
  outboxKept: number;
  seen: boolean;
}

async function readSpareSession(): Promise<StoredSession | undefined> {
  return (await deviceDatabase().keepsakes.get('session'))?.value as StoredSession | undefined;
}

/** Keeps a spare of the sign-in (call whenever it changes; `null` forgets it, as on sign-out). */
export async function keepSpareSession(session: StoredSession | null): Promise<void> {
  if (session) await deviceDatabase().keepsakes.put({ key: 'session', value: session });
  else await deviceDatabase().keepsakes.delete('session');
}

export async function readRecoveryNote(): Promise<RecoveryNote | undefined> {
  return (await deviceDatabase().keepsakes.get('recovery'))?.value as RecoveryNote | undefined;
}

export async function markRecoverySeen(): Promise<void> {
  const note = await readRecoveryNote();
  if (note) await deviceDatabase().keepsakes.put({ key: 'recovery', value: { ...note, seen: true } });
}

async function openOrRebuild(db: LocalDatabase): Promise<'opened' | 'rebuilt'> {
  try {
    await db.open();
    return 'opened';
  } catch (error) {
    console.warn('The local database could not be opened; rebuilding it:', error);
    db.close();
    await Dexie.delete(db.name);
    await db.open();
    return 'rebuilt';
  }
}

/** Runs once at start; resolves when the app may render. Never throws: at worst the person signs in. */
export async function recoverLocalDatabase(db: LocalDatabase = localDatabase): Promise<RecoveryNote | null> {
  try {
    const opened = await openOrRebuild(db);
    const spare = await readSpareSession();
    const session = await readMeta<StoredSession>(db, 'session');
    // The copy was lost if it could not be read, or if the sign-in this device kept is gone from it.
    const lostSession = !session && spare !== undefined;
    if (opened === 'opened' && !lostSession) return null;
    if (!spare && !session) return null;

    if (lostSession && spare) await writeMeta(db, 'session', spare);
    await db.meta.delete('syncState');
    const note: RecoveryNote = {
      at: new Date().toISOString(),
      cause: opened === 'rebuilt' ? 'unreadable' : 'missing',
      outboxKept: await db.outbox.count(),
      seen: false,
    };
    await deviceDatabase().keepsakes.put({ key: 'recovery', value: note });
    return note;
  } catch (error) {
    console.warn('Could not check the local database:', error);
    return null;
  }
}
