// A record's clock stamps as a pull sends them (`clocks` of a live change), read back into one stamp
// per field. "*" stands for the stamp of every field of the record not named on its own: a record made
// on a device has the same stamp on all its fields until one is edited, and writing it out once instead
// of once a field halves what a pull of new requests carries (migration 0012 writes them so). The app
// keeps them as sent (one by one, they were more than half of a phone-logged request's row on the
// device) and reads them back when it edits (clocksOf); `pullResponseSchema` (sync.ts) reads them back
// as it checks a page, for other readers.
//
// A field the server holds no stamp for, read back with the "*" stamp, is harmless: a change to a field
// without a stamp on the server is taken as it is, whatever base it names (merge.ts).

/** The key that stands for the stamp of every field not named on its own. */
export const COMMON_STAMP = '*';

type Stamps = Record<string, string>;

/** One stamp per field; `record` is the record as sent (its own fields, before any defaults). */
export function stampsAsPulled(record: unknown, sent: Stamps): Stamps {
  if (!Object.hasOwn(sent, COMMON_STAMP)) return sent;
  const common = sent[COMMON_STAMP]!;
  const stamps: Stamps = {};
  if (record !== null && typeof record === 'object')
    for (const field of Object.keys(record)) stamps[field] = common;
  for (const field of Object.keys(sent)) if (field !== COMMON_STAMP) stamps[field] = sent[field]!;
  return stamps;
}

/**
 * A pulled change with its stamps read back (a new object; the same one when there is nothing to read
 * back). Run before the change is checked: the check may add fields the record lacks, which the server
 * holds no stamp for. Anything not shaped like a live change is left for the check to refuse.
 */
export function withStampsAsPulled(change: unknown): unknown {
  if (change === null || typeof change !== 'object') return change;
  const { record, clocks } = change as { record?: unknown; clocks?: unknown };
  if (clocks === null || typeof clocks !== 'object' || !Object.hasOwn(clocks, COMMON_STAMP)) return change;
  return { ...change, clocks: stampsAsPulled(record, clocks as Stamps) };
}
