// A small IndexedDB database of this device's own, apart from the synced copy (whose schema belongs to
// the sync code): half-filled forms (drafts.ts), and a spare of the sign-in with the last recovery
// note (deviceRecovery.ts), so a device whose main database was deleted can sign itself back in.
import { Dexie, type EntityTable } from 'dexie';

export interface Draft {
  /** Which form: its address, e.g. "/requests/new" or "/partners/<id>/edit". */
  form: string;
  /** Who typed it: a draft is given back to the same person only. */
  username: string;
  /** The form's values when it was opened, so only the fields the person changed are given back. */
  base: Record<string, unknown>;
  values: Record<string, unknown>;
  savedAt: string;
}

export interface Keepsake {
  key: 'session' | 'recovery';
  value: unknown;
}

export const DEVICE_DATABASE_NAME = 'resilience-hub-device';

class DeviceDatabase extends Dexie {
  drafts!: EntityTable<Draft, 'form'>;
  keepsakes!: EntityTable<Keepsake, 'key'>;
  constructor() {
    super(DEVICE_DATABASE_NAME);
    // v1: drafts by form address; keepsakes by name.
    this.version(1).stores({ drafts: 'form', keepsakes: 'key' });
  }
}

let database: DeviceDatabase | null = null;
export function deviceDatabase(): DeviceDatabase {
  database ??= new DeviceDatabase();
  return database;
}
