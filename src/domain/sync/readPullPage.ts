// Reads a pull page as the app receives it. A record this version of the app cannot read (stored by an
// older server under looser rules, or sent by a newer one) must not stop every other record reaching
// the device: the page keeps what it can read and names what it set aside, so the device says so
// instead of failing every pull from then on (sync invariant 9: no device can hurt another).
import { z } from 'zod';
import { changeSchema, pullPageSchema, type PullResponse } from './sync.ts';

export interface UnreadableChange {
  entity: string;
  id: string;
}

export type ReadPullPage = PullResponse & { unreadable: UnreadableChange[] };

const envelopeSchema = pullPageSchema.extend({ changes: z.array(z.unknown()) });

const named = (raw: unknown, field: 'entity' | 'id'): string => {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : '?';
};

/** Throws when the page itself is not a pull page; sets aside only the changes it cannot read. */
export function readPullPage(body: unknown): ReadPullPage {
  const whole = pullPageSchema.safeParse(body);
  if (whole.success) return { ...whole.data, unreadable: [] };
  const envelope = envelopeSchema.parse(body);
  const changes: PullResponse['changes'] = [];
  const unreadable: UnreadableChange[] = [];
  for (const raw of envelope.changes) {
    const change = changeSchema.safeParse(raw);
    if (change.success) changes.push(change.data);
    else unreadable.push({ entity: named(raw, 'entity'), id: named(raw, 'id') });
  }
  return { ...envelope, changes, unreadable };
}
