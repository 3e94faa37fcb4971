// The entity registry: one entry per synced entity saying everything the app, the server and sync need
// to know about it — its schema and key, who may see a record (scope) and who may change it, which
// fields only the server sets, whether it is append-only, where it is stored on the server and on the
// device, its words, and its CSV codec. Every other list of entities is derived from this one, so a new
// entity is one schema, one entry here, one migration and its screens (README: "How to add an entity").
import type { z } from 'zod';
import type { User } from '../accounts/user.ts';
import { parishSchema, wardSchema } from '../geo/area.ts';
import { partnerSchema } from './partner.ts';
import { lsoaSchema } from './lsoa.ts';
import { contactSchema } from './contact.ts';
import { incidentSchema, requestSchema, type HelpRequest } from './request.ts';
import { timelineEntrySchema } from './timeline.ts';
import { conflictSchema } from './conflict.ts';
import { reviewAssignmentSchema, reviewCheckSchema, reviewRoundSchema } from '../review/reviewRound.ts';
import { issuedReportSchema } from '../situationReport/issuedReport.ts';
import { councilSettingSchema } from './councilSetting.ts';
import { capabilityLabel } from './capabilities.ts';
import { PARTNER_COLUMNS, partnerFromRow, partnerToRow } from '../csv/partnerRow.ts';
import { CONTACT_COLUMNS, contactFromRow, contactToRow } from '../csv/contactRow.ts';
import type { RowContext, RowResult } from '../csv/csvValues.ts';
import { parishScope, STAFF_SCOPE, type Scope } from './scope.ts';

/**
 * Who may change records of an entity from a device:
 * - `import`: nobody; they change only through the boundary importer;
 * - `admin`: the policy and information team;
 * - `staff`: admins and duty officers;
 * - `ownParish`: staff, and a parish coordinator for records of their own parish (before and after).
 */
export type WritePolicy = 'import' | 'admin' | 'staff' | 'ownParish';

/** A record another one hangs from; a dependant's scope follows its parent's. */
export interface ParentRef {
  entity: string;
  id: string;
}

export interface EntityCsv<R> {
  columns: readonly { column: string; meaning: string }[];
  toRow(record: R): Record<string, string>;
  fromRow(row: Record<string, string>, existing: R | null, context: RowContext): RowResult<R>;
}

export interface EntityDescription<S extends z.ZodObject = z.ZodObject> {
  schema: S;
  /** The field that identifies a record. */
  key: 'id' | 'code';
  words: { one: string; many: string };
  /** What a record is called in lists of conflicts and refused changes. */
  label(record: z.output<S>): string;
  /** Where the server keeps it: one table with id, scope, parent_id, record and field_clocks. */
  storage: { table: string; idType: 'uuid' | 'text' };
  /** Its Dexie table on the device and the indexes besides the key (few: each slows a first pull). */
  local: { table: string; indexes: string };
  /** Who may see a record (see scope.ts); `parentScope` is its parent's, for dependants. */
  scope(record: z.output<S>, parentScope: Scope | undefined): Scope;
  /** The record this one hangs from, if any. */
  parentOf?(record: z.output<S>): ParentRef | null;
  write: WritePolicy;
  /** Entries are only ever added: a device may create one but never change it. */
  appendOnly: boolean;
  /** Devices may create records (not so for records the server keeps, like conflicts). */
  createdOnDevices: boolean;
  /** When given, the only fields a device may change on an existing record. */
  deviceFields?: readonly string[];
  /** Fields the server sets; a device's value is replaced on create and refused on change. */
  serverOwned: readonly string[];
  /**
   * Fields a device sets when it makes the record (it may be offline) and nobody changes after: when
   * a request was logged is what "oldest first" and the time to assign are measured from.
   */
  fixedOnceMade?: readonly string[];
  stamp?(user: User, isNew: boolean): Record<string, unknown>;
  csv?: EntityCsv<z.output<S>>;
}

// Keeps each entry's schema and write policy as literal types, so MutableEntity is derived.
const define = <S extends z.ZodObject, W extends WritePolicy>(
  description: EntityDescription<S> & { write: W },
) => description;
const everyone = (): Scope => null;
const byName = (record: { name: string }) => record.name;

function requestLabel(request: HelpRequest): string {
  const who = request.forWhom.name || `${request.forWhom.households ?? '?'} households`;
  return `Request for ${who}: ${request.needs.map((need) => capabilityLabel(need).toLowerCase()).join(', ')}`;
}

export const entityRegistry = {
  ward: define({
    schema: wardSchema,
    key: 'code',
    words: { one: 'ward', many: 'wards' },
    label: byName,
    storage: { table: 'wards', idType: 'text' },
    local: { table: 'wards', indexes: 'name' },
    scope: everyone,
    write: 'import',
    appendOnly: false,
    createdOnDevices: false,
    serverOwned: [],
  }),
  // Small areas with deprivation figures (issue 14): loaded with the area, read by everyone.
  lsoa: define({
    schema: lsoaSchema,
    key: 'code',
    words: { one: 'LSOA', many: 'LSOAs' },
    label: byName,
    storage: { table: 'lsoas', idType: 'text' },
    local: { table: 'lsoas', indexes: 'wardCode' },
    scope: everyone,
    write: 'import',
    appendOnly: false,
    createdOnDevices: false,
    serverOwned: [],
  }),
  parish: define({
    schema: parishSchema,
    key: 'code',
    words: { one: 'parish', many: 'parishes' },
    label: byName,
    storage: { table: 'parishes', idType: 'text' },
    local: { table: 'parishes', indexes: 'name' },
    scope: everyone,
    write: 'admin',
    appendOnly: false,
    createdOnDevices: true,
    serverOwned: [],
  }),
  partner: define({
    schema: partnerSchema,
    key: 'id',
    words: { one: 'partner', many: 'partners' },
    label: byName,
    storage: { table: 'partners', idType: 'uuid' },
    local: { table: 'partners', indexes: '' },
    scope: everyone,
    write: 'admin',
    appendOnly: false,
    createdOnDevices: true,
    serverOwned: [],
    csv: { columns: PARTNER_COLUMNS, toRow: partnerToRow, fromRow: partnerFromRow },
  }),
  contact: define({
    schema: contactSchema,
    key: 'id',
    words: { one: 'contact', many: 'contacts' },
    label: byName,
    storage: { table: 'contacts', idType: 'uuid' },
    local: { table: 'contacts', indexes: 'parishCode' },
    // Restricted contacts: staff, and the coordinators of their own parish.
    scope: (contact) => (contact.visibility === 'public' ? null : parishScope(contact.parishCode)),
    write: 'admin',
    appendOnly: false,
    createdOnDevices: true,
    serverOwned: [],
    csv: { columns: CONTACT_COLUMNS, toRow: contactToRow, fromRow: contactFromRow },
  }),
  incident: define({
    schema: incidentSchema,
    key: 'id',
    words: { one: 'incident', many: 'incidents' },
    label: byName,
    storage: { table: 'incidents', idType: 'uuid' },
    local: { table: 'incidents', indexes: 'status' },
    scope: everyone,
    write: 'staff',
    appendOnly: false,
    createdOnDevices: true,
    serverOwned: [],
  }),
  request: define({
    schema: requestSchema,
    key: 'id',
    words: { one: 'request', many: 'requests' },
    label: requestLabel,
    storage: { table: 'requests', idType: 'uuid' },
    local: { table: 'requests', indexes: '' },
    scope: (request) => parishScope(request.place.parishCode),
    write: 'ownParish',
    appendOnly: false,
    createdOnDevices: true,
    serverOwned: ['createdBy', 'createdByName'],
    fixedOnceMade: ['createdAt'],
    stamp: (user, isNew) => (isNew ? { createdBy: user.id, createdByName: user.displayName } : {}),
  }),
  timeline: define({
    schema: timelineEntrySchema,
    key: 'id',
    words: { one: 'note', many: 'notes' },
    label: (entry) => entry.text,
    storage: { table: 'timeline', idType: 'uuid' },
    local: { table: 'timeline', indexes: 'requestId' },
    scope: (_entry, parentScope) => parentScope ?? STAFF_SCOPE,
    parentOf: (entry) => ({ entity: 'request', id: entry.requestId }),
    write: 'ownParish',
    appendOnly: true,
    createdOnDevices: true,
    serverOwned: ['by', 'byName'],
    stamp: (user) => ({ by: user.id, byName: user.displayName }),
  }),
  conflict: define({
    schema: conflictSchema,
    key: 'id',
    words: { one: 'conflict', many: 'conflicts' },
    label: (conflict) => conflict.recordLabel,
    storage: { table: 'conflicts', idType: 'text' },
    local: { table: 'conflicts', indexes: 'status, recordId' },
    // A conflict is seen by whoever sees its record; conflicts over everyone's records are for staff.
    scope: (_conflict, parentScope) => parentScope ?? STAFF_SCOPE,
    parentOf: (conflict) => ({ entity: conflict.entity, id: conflict.recordId }),
    write: 'ownParish',
    appendOnly: false,
    createdOnDevices: false,
    deviceFields: ['status', 'settledAt'],
    serverOwned: ['settledBy'],
    stamp: (user, isNew) => (isNew ? {} : { settledBy: user.displayName }),
  }),
  // The quarterly review (issue 14). Admins run it: they are the ones who may change the directory
  // records a check confirms (partners and contacts are written by admins), so a check, a round and an
  // assignment are theirs too; duty officers see the rounds and their progress.
  reviewRound: define({
    schema: reviewRoundSchema,
    key: 'id',
    words: { one: 'review round', many: 'review rounds' },
    label: byName,
    storage: { table: 'review_rounds', idType: 'uuid' },
    local: { table: 'reviewRounds', indexes: '' },
    scope: () => STAFF_SCOPE,
    write: 'admin',
    appendOnly: false,
    createdOnDevices: true,
    serverOwned: ['startedBy', 'startedByName'],
    fixedOnceMade: ['startedAt'],
    stamp: (user, isNew) => (isNew ? { startedBy: user.id, startedByName: user.displayName } : {}),
  }),
  reviewAssignment: define({
    schema: reviewAssignmentSchema,
    key: 'id',
    words: { one: 'review assignment', many: 'review assignments' },
    label: (assignment) => `Review section ${assignment.section}: ${assignment.assigneeName || 'nobody'}`,
    storage: { table: 'review_assignments', idType: 'text' },
    local: { table: 'reviewAssignments', indexes: 'roundId' },
    scope: () => STAFF_SCOPE,
    write: 'admin',
    appendOnly: false,
    createdOnDevices: true,
    serverOwned: [],
  }),
  // Who confirmed which record, when, in which round: only ever added, so the record is kept whole.
  reviewCheck: define({
    schema: reviewCheckSchema,
    key: 'id',
    words: { one: 'review check', many: 'review checks' },
    label: (check) => `${check.entity} checked ${check.checkedAt.slice(0, 10)}`,
    storage: { table: 'review_checks', idType: 'uuid' },
    local: { table: 'reviewChecks', indexes: 'roundId' },
    scope: () => STAFF_SCOPE,
    write: 'admin',
    appendOnly: true,
    createdOnDevices: true,
    serverOwned: ['by', 'byName'],
    stamp: (user) => ({ by: user.id, byName: user.displayName }),
  }),
  // A situation report marked as issued: the shared baseline for "changes since the last report".
  issuedReport: define({
    schema: issuedReportSchema,
    key: 'id',
    words: { one: 'issued report', many: 'issued reports' },
    label: (issued) => `Situation report issued ${issued.issuedAt.slice(0, 16).replace('T', ' ')}`,
    storage: { table: 'issued_reports', idType: 'uuid' },
    local: { table: 'issuedReports', indexes: 'incidentId' },
    scope: () => STAFF_SCOPE,
    write: 'staff',
    appendOnly: true,
    createdOnDevices: true,
    serverOwned: ['by', 'byName'],
    stamp: (user) => ({ by: user.id, byName: user.displayName }),
  }),
  // Council-wide settings (the report marking): set by admins, read by everyone signed in.
  councilSetting: define({
    schema: councilSettingSchema,
    key: 'code',
    words: { one: 'council setting', many: 'council settings' },
    label: (setting) => setting.code,
    storage: { table: 'council_settings', idType: 'text' },
    local: { table: 'councilSettings', indexes: '' },
    scope: everyone,
    write: 'admin',
    appendOnly: false,
    createdOnDevices: true,
    serverOwned: [],
  }),
};

export type EntityRegistry = typeof entityRegistry;
export type Entity = keyof EntityRegistry;
export type RecordOf<E extends Entity> = z.output<EntityRegistry[E]['schema']>;

export const ENTITIES = Object.keys(entityRegistry) as Entity[];

/** Entities a device may change (everything but what only an importer writes). */
export const MUTABLE_ENTITIES = ENTITIES.filter(
  (entity): entity is MutableEntity => entityRegistry[entity].write !== 'import',
);
export type MutableEntity = {
  [E in Entity]: EntityRegistry[E]['write'] extends 'import' ? never : E;
}[Entity];

/** One entity's description, with its record type widened: for code that handles every entity alike. */
export const describeEntity = (entity: Entity) =>
  entityRegistry[entity] as unknown as EntityDescription<z.ZodObject> & {
    label(record: unknown): string;
    scope(record: unknown, parentScope: Scope | undefined): Scope;
    parentOf?(record: unknown): ParentRef | null;
    csv?: EntityCsv<unknown>;
  };

export const isEntity = (name: string): name is Entity => Object.hasOwn(entityRegistry, name);

/** The fields an entity's schema names: the only fields a change may carry. */
export const fieldsOf = (entity: Entity): readonly string[] =>
  Object.keys(describeEntity(entity).schema.shape);

/** A record's key value, as text. */
export const keyOf = (entity: Entity, record: unknown): string =>
  String((record as Record<string, unknown>)[entityRegistry[entity].key]);

/** Entities whose records hang from a record of `parent` (timeline notes and conflicts of a request). */
export const dependantsOf = (parent: Entity): Entity[] =>
  ENTITIES.filter((entity) => describeEntity(entity).parentOf !== undefined && entity !== parent);
