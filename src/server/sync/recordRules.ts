// What push needs to know about each kind of record: its schema, its id, whether it is append-only,
// which parish it belongs to (for scoping), the fields the server stamps itself, and its name in words.
import type { z } from 'zod';
import type { Queryable } from '../storage/database.ts';
import type { MutableEntity } from '../../domain/mutation.ts';
import type { User } from '../../domain/user.ts';
import { partnerSchema } from '../../domain/partner.ts';
import { contactSchema } from '../../domain/contact.ts';
import { parishSchema } from '../../domain/area.ts';
import { incidentSchema, requestSchema, type HelpRequest } from '../../domain/request.ts';
import { timelineEntrySchema } from '../../domain/timeline.ts';
import { conflictSchema } from '../../domain/conflict.ts';
import { capabilityLabel, type CapabilityId } from '../../domain/capabilities.ts';
import type { StoredRow } from './recordStore.ts';

/** A change refused for a reason the person can act on; push answers it as "rejected". */
export class Rejection extends Error {
  constructor(
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}

type Changes = Record<string, unknown>;
type AnyRecord = Record<string, unknown>;

export interface RecordRules {
  schema: z.ZodType;
  idOf(record: AnyRecord): unknown;
  appendOnly: boolean;
  /** Parish-scoped: a parish coordinator may touch only their own parish's. */
  scoped: boolean;
  stamp(changes: Changes, user: User, isNew: boolean): Changes;
  parishOf(tx: Queryable, record: AnyRecord, stored: StoredRow | undefined): Promise<string | null>;
  label(record: AnyRecord): string;
}

const byId = (record: AnyRecord) => record.id;
const byName = (record: AnyRecord) => String(record.name ?? '');
const noParish = async () => null;
const unchanged = (changes: Changes) => changes;

const directory = (schema: z.ZodType, idOf = byId): RecordRules => ({
  schema,
  idOf,
  appendOnly: false,
  scoped: false,
  stamp: unchanged,
  parishOf: noParish,
  label: byName,
});

function requestLabel(record: AnyRecord): string {
  const request = record as unknown as HelpRequest;
  const who = request.forWhom.name || `${request.forWhom.households ?? '?'} households`;
  return `Request for ${who}: ${request.needs.map((need: CapabilityId) => capabilityLabel(need).toLowerCase()).join(', ')}`;
}

export const RECORD_RULES: Record<MutableEntity, RecordRules> = {
  partner: directory(partnerSchema),
  contact: directory(contactSchema),
  parish: directory(parishSchema, (record) => record.code),
  incident: { ...directory(incidentSchema), parishOf: noParish },
  request: {
    schema: requestSchema,
    idOf: byId,
    appendOnly: false,
    scoped: true,
    stamp: (changes, user, isNew) =>
      isNew ? { ...changes, createdBy: user.id, createdByName: user.displayName } : changes,
    parishOf: async (_tx, record) => (record as unknown as HelpRequest).place.parishCode,
    label: requestLabel,
  },
  timeline: {
    schema: timelineEntrySchema,
    idOf: byId,
    appendOnly: true,
    scoped: true,
    stamp: (changes, user) => ({ ...changes, by: user.id, byName: user.displayName }),
    async parishOf(tx, record) {
      const [request] = await tx.query<{ parish_code: string | null }>(
        'SELECT parish_code FROM requests WHERE id = $1::uuid',
        [record.requestId],
      );
      if (!request) throw new Rejection('The request this note belongs to is not on the server.');
      return request.parish_code;
    },
    label: (record) => String(record.text ?? ''),
  },
  conflict: {
    schema: conflictSchema,
    idOf: byId,
    appendOnly: false,
    scoped: true,
    stamp(changes, user, isNew) {
      if (isNew) throw new Rejection('Conflicts are recorded by the server, not sent by devices.');
      const allowed = ['status', 'settledAt'];
      const other = Object.keys(changes).find((field) => !allowed.includes(field));
      if (other) throw new Rejection(`Only a conflict's status can be changed, not ${other}.`);
      return { ...changes, settledBy: user.displayName };
    },
    parishOf: async (_tx, _record, stored) => stored?.parishCode ?? null,
    label: (record) => String(record.recordLabel ?? ''),
  },
};
