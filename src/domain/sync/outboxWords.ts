// What is waiting to be sent, in the words of what a person did: logging a request and assigning a
// partner to it is "1 request waiting to send", not "4 changes" (each action also queues a timeline
// line, and an edit of the same record twice is still one record). Pure: it reads outbox entries only.

/** The part of an outbox entry this needs: what kind of record, which one, and what changed. */
export interface QueuedChange {
  entity: string;
  recordId: string;
  changes: Record<string, unknown>;
}

// Singular and plural, in the order they are listed.
const NOUNS: Record<string, [string, string]> = {
  request: ['request', 'requests'],
  incident: ['incident', 'incidents'],
  partner: ['partner', 'partners'],
  contact: ['contact', 'contacts'],
  parish: ['parish', 'parishes'],
  conflict: ['settled conflict', 'settled conflicts'],
  note: ['note', 'notes'],
};

/** Records waiting, by kind: a timeline line counts as its request; other kinds count by record. */
export function waitingRecords(queue: readonly QueuedChange[]): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  const add = (kind: string, id: string) => {
    const ids = seen.get(kind) ?? new Set<string>();
    ids.add(id);
    seen.set(kind, ids);
  };
  for (const change of queue) {
    if (change.entity === 'timeline') {
      const requestId = change.changes.requestId;
      if (typeof requestId === 'string') add('request', requestId);
      else add('note', change.recordId);
    } else add(change.entity, change.recordId);
  }
  const counts = new Map<string, number>();
  for (const kind of Object.keys(NOUNS)) {
    const count = seen.get(kind)?.size ?? 0;
    if (count > 0) counts.set(kind, count);
  }
  for (const [kind, ids] of seen) if (!(kind in NOUNS)) counts.set(kind, ids.size);
  return counts;
}

/** "1 request waiting to send", "2 requests and 1 partner waiting to send", or null when nothing waits. */
export function describeWaiting(queue: readonly QueuedChange[]): string | null {
  const records = describeRecords(queue);
  return records && `${records} waiting to send`;
}

/** "1 request", "2 requests and 1 partner": the records these changes are to, or null when none. */
export function describeRecords(queue: readonly QueuedChange[]): string | null {
  const parts = [...waitingRecords(queue)].map(([kind, count]) => {
    const [one, many] = NOUNS[kind] ?? [`${kind} change`, `${kind} changes`];
    return `${count} ${count === 1 ? one : many}`;
  });
  if (parts.length === 0) return null;
  const listed =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return listed ?? null;
}
