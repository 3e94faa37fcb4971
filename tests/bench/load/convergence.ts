// The end-of-run checks of the load generator and the several-servers test: every device holds exactly
// what the server holds (record for record, as an admin pulls it), and every change the server
// acknowledged is there — a new record exists, and an edited field's clock is at least the edit's.
// The load generator also checks the admin's copy, as the server sent it, against the database read
// directly, so nothing a server process keeps (its pages, its change texts) could hide a difference.
import { hash } from 'node:crypto';
import type { HeldRecord, SimulatedDevice } from './simulatedDevice.ts';

/** What the checks compare of a record: a digest of its JSON, as the server sent it and a page reader parsed it. */
export function recordDigest(record: unknown): string {
  return hash('sha1', JSON.stringify(record), 'base64');
}

export interface ConvergenceReport {
  /** Devices whose copy differs from the server's, with the first difference. */
  diverged: string[];
  /** Acknowledged changes the server's copy does not show. */
  lost: string[];
  acknowledged: number;
}

export function checkConvergence(
  devices: readonly SimulatedDevice[],
  server: ReadonlyMap<string, HeldRecord>,
): ConvergenceReport {
  const diverged: string[] = [];
  for (const device of devices) {
    if (device.records.size !== server.size) {
      diverged.push(`${device.name}: ${device.records.size} records, the server has ${server.size}`);
      continue;
    }
    for (const [key, held] of server) {
      const mine = device.records.get(key);
      if (!mine || mine.digest !== held.digest) {
        diverged.push(`${device.name}: ${key} ${mine ? 'differs' : 'is missing'}`);
        break;
      }
    }
  }
  const lost: string[] = [];
  let acknowledged = 0;
  for (const device of devices) {
    for (const mutation of device.acknowledged) {
      acknowledged += 1;
      const held = server.get(`${mutation.entity}:${mutation.recordId}`);
      const edited = Object.keys(mutation.changes).filter((field) => field !== 'id');
      const isEdit = edited.length === 1;
      if (!held) lost.push(`${mutation.id}: ${mutation.entity} ${mutation.recordId} is not on the server`);
      else if (isEdit && (held.clocks[edited[0]!] ?? '') < mutation.hlc)
        lost.push(`${mutation.id}: ${edited[0]} of ${mutation.recordId} is older than the acknowledged edit`);
    }
  }
  return { diverged, lost, acknowledged };
}

/** Where a copy as the server sent it differs from the records read from the database (digests by key). */
export function differencesFromStored(
  sent: ReadonlyMap<string, HeldRecord>,
  stored: ReadonlyMap<string, string>,
): string[] {
  const differences: string[] = [];
  for (const [key, digest] of stored)
    if (sent.get(key)?.digest !== digest)
      differences.push(`${key} ${sent.has(key) ? 'differs' : 'is missing'}`);
  for (const key of sent.keys()) if (!stored.has(key)) differences.push(`${key} is not in the database`);
  return differences;
}
