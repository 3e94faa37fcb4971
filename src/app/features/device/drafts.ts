// Half-filled forms kept on this device as they are typed, so a reload (an update accepted, a crash,
// the phone killing the tab) gives the person back what they typed. Kept in this device's own small
// database (deviceDatabase.ts), not the synced copy: a draft is nobody else's business. Drafts can hold a
// resident's name and phone, so signing out clears them (clearDrafts). A password is never kept: a
// field whose name says password is left out of every draft, whichever form it is on.
import { deviceDatabase, type Draft } from './deviceDatabase.ts';

export type { Draft };

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
  const draft = await deviceDatabase().drafts.get(form);
  return draft && draft.username === username ? draft : undefined;
}

const withoutPasswords = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([field]) => !/password/i.test(field)));

/** Keeps the form's values, or forgets them when they are back to what the form opened with. */
export async function saveDraft(draft: Omit<Draft, 'savedAt'>): Promise<void> {
  const base = withoutPasswords(draft.base);
  const values = withoutPasswords(draft.values);
  if (same(values, base)) await deviceDatabase().drafts.delete(draft.form);
  else await deviceDatabase().drafts.put({ ...draft, base, values, savedAt: new Date().toISOString() });
}

export async function discardDraft(form: string): Promise<void> {
  await deviceDatabase().drafts.delete(form);
}

/** How many forms have a draft kept on this device (the This device page says so). */
export async function countDrafts(): Promise<number> {
  return deviceDatabase().drafts.count();
}

/** Forgets every draft on this device: call it when signing out. */
export async function clearDrafts(): Promise<void> {
  await deviceDatabase().drafts.clear();
}
