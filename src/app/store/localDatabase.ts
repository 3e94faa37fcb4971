// The app's own database in IndexedDB (Dexie). Every screen reads from here, never from the network,
// so every screen works offline. Each schema version carries a one-line reason; a test opens data
// saved by every earlier version.
import { Dexie, type EntityTable } from 'dexie';
import type { Ward, Parish } from '../../domain/area.ts';
import type { Partner } from '../../domain/partner.ts';
import type { Contact } from '../../domain/contact.ts';
import type { User } from '../../domain/user.ts';

/** Facts about this device's copy: the signed-in session and where sync has got to. */
export interface MetaEntry {
  key: 'session' | 'syncState';
  value: unknown;
}

export interface StoredSession {
  token: string;
  user: User;
  expiresAt: string;
  /** Set when the server said the token is no longer valid; the user keeps working locally. */
  lapsed: boolean;
}

export interface SyncState {
  cursor: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
}

export class LocalDatabase extends Dexie {
  wards!: EntityTable<Ward, 'code'>;
  parishes!: EntityTable<Parish, 'code'>;
  partners!: EntityTable<Partner, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name = 'resilience-hub') {
    super(name);
    // v1: the directory, the area and sync state (the first version).
    this.version(1).stores({
      wards: 'code, name',
      parishes: 'code, name',
      partners: 'id, name, status',
      contacts: 'id, name, parishCode',
      meta: 'key',
    });
  }
}

export const localDatabase = new LocalDatabase();

export async function readMeta<T>(db: LocalDatabase, key: MetaEntry['key']): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function writeMeta(db: LocalDatabase, key: MetaEntry['key'], value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
