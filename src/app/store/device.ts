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

/** Moves the clock past a stamp seen from the server, so later local changes sort after it. */
export async function observeStamp(db: LocalDatabase, stamp: string): Promise<void> {
  const last = await readMeta<Hlc>(db, 'clock');
  const remote = parseHlc(stamp);
  if (last && formatHlc(last) >= stamp) return;
  await writeMeta(db, 'clock', receive(last ?? null, remote, Date.now(), await deviceId(db)));
}
