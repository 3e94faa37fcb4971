// How a change merges into a record: last writer wins, field by field, by hybrid logical clock.
// The value that loses is never dropped: when the two writers had not seen each other's change, it is
// returned as a conflict for people to see and settle. A change that had seen the current value (its
// base stamp is the current one) simply replaces it. Replaying the same change changes nothing.
// Bookkeeping stamps (updatedAt) change with every edit, so they follow the later change silently:
// otherwise any two offline edits, even of different fields, would raise a meaningless conflict.
export interface FieldClock {
  hlc: string;
  by: string;
}
export type FieldClocks = Record<string, FieldClock>;

/**
 * Each field's stamp alone, as a device holds and sends them (the server keeps them for pulls, written
 * shorter: migration 0012, pulledStamps.ts): the base of the next change to the record.
 */
export function stampsOf(clocks: FieldClocks): Record<string, string> {
  return Object.fromEntries(Object.entries(clocks).map(([field, clock]) => [field, clock.hlc]));
}

export interface FieldConflict {
  field: string;
  kept: { value: unknown; hlc: string; by: string };
  other: { value: unknown; hlc: string; by: string };
}

export interface MergeInput {
  changes: Record<string, unknown>;
  hlc: string;
  base: Record<string, string>;
  by: string;
}

export interface MergeResult {
  record: Record<string, unknown>;
  clocks: FieldClocks;
  conflicts: FieldConflict[];
}

/**
 * JSON equality that ignores key order: true when the two would be the same JSON text once keys are
 * sorted (an entry whose value is undefined is left out, as JSON leaves it out). Compared in place,
 * without writing the JSON out: it runs on every field of every record a push stores.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameValue(a[index], b[index])) return false;
    return true;
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    let defined = 0;
    for (const key in a) {
      if (!Object.hasOwn(a, key) || a[key] === undefined) continue;
      defined++;
      if (!Object.hasOwn(b, key) || !sameValue(a[key], b[key])) return false;
    }
    for (const key in b) if (Object.hasOwn(b, key) && b[key] !== undefined) defined--;
    return defined === 0;
  }
  return asJson(a) === asJson(b);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object';

/** A value that is not an array or object as JSON writes it (undefined where JSON has null). */
const asJson = (value: unknown): string => JSON.stringify(value) ?? 'null';

/** Fields every edit sets; the later value wins and a clash is not a conflict for people. */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['updatedAt']);

export function mergeChange(
  current: Record<string, unknown> | null,
  clocks: FieldClocks,
  change: MergeInput,
): MergeResult {
  const record: Record<string, unknown> = { ...(current ?? {}) };
  const nextClocks: FieldClocks = { ...clocks };
  const conflicts: FieldConflict[] = [];
  for (const [field, value] of Object.entries(change.changes)) {
    // Own keys only: a field named like an Object method must not find the method.
    const held = Object.hasOwn(clocks, field) ? clocks[field] : undefined;
    const incoming = { value, hlc: change.hlc, by: change.by };
    if (!held) {
      record[field] = value;
      nextClocks[field] = { hlc: change.hlc, by: change.by };
      continue;
    }
    if (change.hlc === held.hlc) continue; // the same change again
    const heldValue = { value: record[field], hlc: held.hlc, by: held.by };
    const sawHeld = Object.hasOwn(change.base, field) && change.base[field] === held.hlc;
    if (change.hlc > held.hlc) {
      if (!sawHeld && !sameValue(heldValue.value, value) && !BOOKKEEPING_FIELDS.has(field))
        conflicts.push({ field, kept: incoming, other: heldValue });
      record[field] = value;
      nextClocks[field] = { hlc: change.hlc, by: change.by };
    } else if (!sameValue(heldValue.value, value) && !BOOKKEEPING_FIELDS.has(field)) {
      conflicts.push({ field, kept: heldValue, other: incoming });
    }
  }
  return { record, clocks: nextClocks, conflicts };
}
