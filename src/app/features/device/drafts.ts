// Half-filled forms kept on this device as they are typed, so a reload (an update accepted, a crash,
// the phone killing the tab) gives the person back what they typed. Its own small Dexie database: the
// main one's schema is the sync code's, and a draft is nobody else's business. Drafts can hold a
// resident's name and phone, so signing out clears them (clearDrafts).
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

export const DRAFTS_DATABASE_NAME = 'resilience-hub-drafts';

class DraftsDatabase extends Dexie {
  drafts!: EntityTable<Draft, 'form'>;
  constructor() {
    super(DRAFTS_DATABASE_NAME);
    // v1: one row per form, keyed by the form's address.
    this.version(1).stores({ drafts: 'form' });
  }
}

let database: DraftsDatabase | null = null;
function draftsDatabase(): DraftsDatabase {
  database ??= new DraftsDatabase();
  return database;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields the person changed from `base`, laid over `current` (what the form would open with now). */
export function mergeDraft<T extends Record<string, unknown>>(
  current: T,
  draft: Pick<Draft, 'base' | 'values'>,
): { values: T; changed: string[] } {
  const values: Record<string, unknown> = { ...current };
  const changed: string[] = [];
  for (const [field, value] of Object.entries(draft.values)) {
    if (!(field in current) || same(value, draft.base[field]) || same(value, current[field])) continue;
    values[field] = value;
    changed.push(field);
  }
  return { values: values as T, changed };
}

export async function readDraft(form: string, username: string): Promise<Draft | undefined> {
  const draft = await draftsDatabase().drafts.get(form);
  return draft && draft.username === username ? draft : undefined;
}

/** Keeps the form's values, or forgets them when they are back to what the form opened with. */
export async function saveDraft(draft: Omit<Draft, 'savedAt'>): Promise<void> {
  if (same(draft.values, draft.base)) await draftsDatabase().drafts.delete(draft.form);
  else await draftsDatabase().drafts.put({ ...draft, savedAt: new Date().toISOString() });
}

export async function discardDraft(form: string): Promise<void> {
  await draftsDatabase().drafts.delete(form);
}

/** How many forms have a draft kept on this device (the This device page says so). */
export async function countDrafts(): Promise<number> {
  return draftsDatabase().drafts.count();
}

/** Forgets every draft on this device: call it when signing out. */
export async function clearDrafts(): Promise<void> {
  await draftsDatabase().drafts.clear();
}
