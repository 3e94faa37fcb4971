// Everything a person does to a request, incident or conflict, as saves through saveRecord. A request
// and its timeline entry are saved in one Dexie transaction, so a closed tab never leaves a status
// change without its line in the timeline (or the reverse). The request goes first in the outbox:
// the server files a timeline entry under a request it already holds.
import { saveRecord } from '../../store/mutate.ts';
import type { LocalDatabase } from '../../store/localDatabase.ts';
import type { User } from '../../../domain/accounts/user.ts';
import type { Assignment, HelpRequest, Incident, RequestStatus } from '../../../domain/entities/request.ts';
import type { TimelineEntry } from '../../../domain/entities/timeline.ts';
import type { Conflict } from '../../../domain/entities/conflict.ts';
import type { RankedPartner } from '../../../domain/ranking/bestPlaced.ts';
import { MUTABLE_ENTITIES, type MutableEntity } from '../../../domain/sync/mutation.ts';
import { statusLabel } from '../../../domain/requests/requestList.ts';

function entry(
  requestId: string,
  user: User,
  kind: TimelineEntry['kind'],
  text: string,
  status: RequestStatus | null = null,
): TimelineEntry {
  return {
    id: crypto.randomUUID(),
    requestId,
    at: new Date().toISOString(),
    by: user.id,
    byName: user.displayName,
    kind,
    text,
    status,
  };
}

async function saveWithEntry(db: LocalDatabase, request: HelpRequest, line: TimelineEntry): Promise<void> {
  await db.transaction('rw', [db.requests, db.timeline, db.outbox, db.meta], async () => {
    await saveRecord(db, 'request', request);
    await saveRecord(db, 'timeline', line);
  });
}

/** Saves a new, already validated request with its "logged" line. */
export async function logRequest(db: LocalDatabase, request: HelpRequest, user: User): Promise<void> {
  await saveWithEntry(db, request, entry(request.id, user, 'created', 'Logged the request', 'new'));
}

export async function changeStatus(
  db: LocalDatabase,
  request: HelpRequest,
  status: RequestStatus,
  user: User,
): Promise<void> {
  if (request.status === status) return;
  await saveWithEntry(
    db,
    { ...request, status, updatedAt: new Date().toISOString() },
    entry(request.id, user, 'status', `Status changed to ${statusLabel(status)}`, status),
  );
}

export async function addNote(db: LocalDatabase, requestId: string, text: string, user: User): Promise<void> {
  await saveRecord(db, 'timeline', entry(requestId, user, 'note', text.trim()));
}

/** Assigns a partner from the best-placed list, keeping the reasons it was ranked for. */
export async function assignPartner(
  db: LocalDatabase,
  request: HelpRequest,
  ranked: RankedPartner,
  user: User,
): Promise<void> {
  const { partner } = ranked;
  if (request.assignments.some((assignment) => assignment.partnerId === partner.id)) return;
  const now = new Date().toISOString();
  const assignment: Assignment = {
    partnerId: partner.id,
    partnerName: partner.name,
    reasons: ranked.reasons.slice(0, 12),
    assignedAt: now,
    assignedBy: user.id,
  };
  await saveWithEntry(
    db,
    {
      ...request,
      assignments: [...request.assignments, assignment],
      status: request.status === 'new' ? 'assigned' : request.status,
      updatedAt: now,
    },
    entry(request.id, user, 'assigned', `Assigned to ${partner.name}`, null),
  );
}

export async function saveIncident(db: LocalDatabase, incident: Incident): Promise<void> {
  await saveRecord(db, 'incident', incident);
}

export async function closeIncident(db: LocalDatabase, incident: Incident): Promise<void> {
  const now = new Date().toISOString();
  const endedAt = now < incident.startedAt ? incident.startedAt : now;
  await saveRecord(db, 'incident', { ...incident, status: 'closed', endedAt, updatedAt: now });
}

const settled = (conflict: Conflict): Conflict => ({
  ...conflict,
  status: 'settled',
  settledAt: new Date().toISOString(),
});

/** Accepts the value the record kept. */
export async function keepConflictValue(db: LocalDatabase, conflict: Conflict): Promise<void> {
  await saveRecord(db, 'conflict', settled(conflict));
}

const isMutable = (entity: string): entity is MutableEntity =>
  (MUTABLE_ENTITIES as readonly string[]).includes(entity);

/** Puts the other value back into the record, then settles the conflict: one transaction. */
export async function takeOtherConflictValue(db: LocalDatabase, conflict: Conflict): Promise<void> {
  if (!isMutable(conflict.entity)) throw new Error('This kind of record cannot be changed here.');
  const entity = conflict.entity;
  const { table } = db.tableOf(entity);
  await db.transaction('rw', [table, db.conflicts, db.outbox, db.meta], async () => {
    const record = (await table.get(conflict.recordId)) as Record<string, unknown> | undefined;
    if (!record)
      throw new Error('The record is not on this device any more, so its value cannot be put back.');
    const changed: Record<string, unknown> = { ...record, [conflict.field]: conflict.otherValue };
    if ('updatedAt' in record) changed.updatedAt = new Date().toISOString();
    await saveRecord(db, entity, changed);
    await saveRecord(db, 'conflict', settled(conflict));
  });
}
