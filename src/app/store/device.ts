// This device's identity for sync and its hybrid logical clock. The id is made once per browser
// profile and never changes; the clock only moves forward (src/domain/sync/hlc.ts).
import { formatHlc, parseHlc, receive, tick, type Hlc } from '../../domain/sync/hlc.ts';
import { readMeta, writeMeta, type LocalDatabase } from './localDatabase.ts';

export async function deviceId(db: LocalDatabase): Promise<string> {
  const existing = await readMeta<string>(db, 'device');
  if (existing) return existing;
  const id = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
  await writeMeta(db, 'device', id);
  return id;
}

/** The next stamp for a change made here. Call inside the transaction that stores the change. */
export async function nextStamp(db: LocalDatabase): Promise<string> {
  const node = await deviceId(db);
  const last = await readMeta<Hlc>(db, 'clock');
  const next = tick(last ?? null, Date.now(), node);
  await writeMeta(db, 'clock', next);
  return formatHlc(next);
}

/**
 * This device's clock moved past a stamp seen from the server, so later local changes sort after it,
 * or null when it is past already. Pure: a pull page reads the clock and writes it in its transaction.
 */
export function clockPast(last: Hlc | undefined, stamp: string, node: string): Hlc | null {
  if (last && formatHlc(last) >= stamp) return null;
  return receive(last ?? null, parseHlc(stamp), Date.now(), node);
}
