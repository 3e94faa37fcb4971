// The app's own database in IndexedDB (Dexie). Every screen reads from here, never from the network,
// so every screen works offline. Each schema version carries a one-line reason; a test opens data
// saved by every earlier version.
import { COMMON_STAMP, stampsAsPulled } from '../../domain/sync/pulledStamps.ts';
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Ward, Parish } from '../../domain/geo/area.ts';
import type { Partner } from '../../domain/entities/partner.ts';
import type { Contact } from '../../domain/entities/contact.ts';
import type { User } from '../../domain/accounts/user.ts';
import type { HelpRequest, Incident } from '../../domain/entities/request.ts';
import type { TimelineEntry } from '../../domain/entities/timeline.ts';
import type { Conflict } from '../../domain/entities/conflict.ts';
import type { Mutation } from '../../domain/sync/mutation.ts';
import { ENTITIES, entityRegistry, type Entity } from '../../domain/entities/registry.ts';

/** Facts about this device's copy: the signed-in session and where sync has got to. */
export interface MetaEntry {
  key: 'session' | 'syncState' | 'device' | 'clock';
  value: unknown;
}

/** The clock stamp of each field as last seen from the server (or set here by a local edit). */
export type FieldClocks = Record<string, string>;

/**
 * Where a stored record keeps its fields' clocks: in its own row, under a name no entity's field can
 * have. They used to have a table of their own, which made every record a pull brings two rows to
 * write, and IndexedDB's cost is by the row. They never leave the device: the outbox carries only the
 * fields a person changed, and every entity's schema drops a name it does not know.
 */
export const CLOCKS = '$clocks';

/**
 * A stored record's clocks, one per field (none for a record nobody has edited through sync). Stamps
 * stored as a pull sent them, "*" for those the fields share (an app that did not read them back stored
 * them so, during an upgrade), are read back here, so an edit is based on what the device was sent.
 */
export function clocksOf(record: unknown): FieldClocks {
  const clocks = (record as Record<string, unknown> | undefined)?.[CLOCKS];
  if (!clocks || typeof clocks !== 'object') return {};
  if (!Object.hasOwn(clocks, COMMON_STAMP)) return clocks as FieldClocks;
  const { [CLOCKS]: _clocks, ...fields } = record as Record<string, unknown>;
  return stampsAsPulled(fields, clocks as FieldClocks);
}

/** A record to store, carrying its clocks (or none, when it has none). */
export function withClocks<T extends object>(record: T, clocks: FieldClocks): T {
  const { [CLOCKS]: _old, ...fields } = record as Record<string, unknown>;
  return (Object.keys(clocks).length > 0 ? { ...fields, [CLOCKS]: clocks } : fields) as T;
}

/** Who made a change: enough to say so in words, and to send it only under their own sign-in. */
export type Author = Pick<User, 'id' | 'username' | 'displayName'>;

/**
 * The maker of a change queued before changes recorded their maker, on a device nobody was signed in
 * to when it was upgraded: nobody's sign-in may send it, so it can only be saved to a file.
 */
export const UNKNOWN_AUTHOR: Author = {
  id: 'unknown',
  username: '',
  displayName: 'an earlier user of this device',
};

/**
 * A change made on this device, waiting to be pushed. `seq` keeps the order they were made in.
 * `madeBy` is whoever was signed in when it was made: only their own sign-in sends it (push.ts), so a
 * phone handed on never sends one person's change under another's name.
 */
export interface OutboxEntry extends Mutation {
  seq?: number;
  queuedAt: string;
  madeBy: Author;
}

/** A change the server refused, kept so a person sees it and why. */
export interface RejectedChange extends OutboxEntry {
  reason: string;
  fields: Record<string, string>;
  rejectedAt: string;
}

export interface StoredSession {
  token: string;
  user: User;
  expiresAt: string;
  /** Set when the server said the token is no longer valid; the user keeps working locally. */
  lapsed: boolean;
}

/**
 * The sign-in a sync began with is no longer this device's (signed out, or someone else signed in,
 * here or in another tab): what that sync fetched is not stored, and it writes nothing more.
 */
export class SignInChangedError extends Error {
  override name = 'SignInChangedError';
  constructor() {
    super('The sign-in changed while syncing; what was fetched for the previous one is not kept.');
  }
}

export interface SyncState {
  cursor: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** The server said recent changes are held back behind a long transaction on its database. */
  heldBack?: boolean;
  /** Records the server sent that this version of the app could not read, so left out (readPullPage). */
  unreadable?: number;
}

/** Every synced entity's Dexie table and indexes, as the registry (domain/entities/registry.ts) says. */
function registryStores(): Record<string, string> {
  return Object.fromEntries(
    ENTITIES.map((entity) => {
      const { local, key } = entityRegistry[entity];
      return [local.table, [key, local.indexes].filter(Boolean).join(', ')];
    }),
  );
}

export class LocalDatabase extends Dexie {
  wards!: EntityTable<Ward, 'code'>;
  parishes!: EntityTable<Parish, 'code'>;
  partners!: EntityTable<Partner, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  incidents!: EntityTable<Incident, 'id'>;
  requests!: EntityTable<HelpRequest, 'id'>;
  timeline!: EntityTable<TimelineEntry, 'id'>;
  conflicts!: EntityTable<Conflict, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  rejected!: EntityTable<RejectedChange, 'id'>;

  constructor(name = 'resilience-hub') {
    super(name);
    // v1: the directory, the area and sync state (the first version).
    this.version(1).stores({
      wards: 'code, name',
      parishes: 'code, name',
      partners: 'id, name, status',
      contacts: 'id, name, parishCode',
      meta: 'key',
    });
    // v2: requests for help, incidents, timelines, conflicts, per-field clocks and the outbox.
    // Indexes are few on purpose: each one slows the first pull of a whole borough.
    this.version(2).stores({
      incidents: 'id, status',
      requests: 'id, status, incidentId',
      timeline: 'id, requestId',
      conflicts: 'id, status, recordId',
      clocks: 'key',
      outbox: '++seq, id, [entity+recordId]',
      rejected: 'id',
    });
    // v3: contacts and parishes can be retired. No new index; records pulled before then are marked
    // not retired, as the shared schemas read them, so an edit or an import sees no false change.
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        for (const table of ['contacts', 'parishes']) {
          await tx
            .table<{ retired?: boolean }>(table)
            .toCollection()
            .modify((record) => {
              record.retired ??= false;
            });
        }
      });
    // v4: every synced entity's table as the registry described it then.
    this.version(4).stores({
      wards: 'code, name',
      parishes: 'code, name',
      partners: 'id, name, status',
      contacts: 'id, name, parishCode',
      incidents: 'id, status',
      requests: 'id, status, incidentId',
      timeline: 'id, requestId',
      conflicts: 'id, status, recordId',
    });
    // v5: every synced entity's table as the registry describes it, without the indexes no screen
    // asked for (requests by status or incident, partners by status). Declared from the registry, as
    // every version since is: Dexie deletes a store that a version it runs through does not declare, and
    // the registry's later tables (review rounds, council settings…) were added without a version.
    this.version(5).stores(registryStores());
    // v6: each record's clocks move into its own row (see CLOCKS), from the table that held them.
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        const held = await tx.table<{ key: string; clocks: FieldClocks }>('clocks').toArray();
        const byEntity = new Map<Entity, Map<string, FieldClocks>>();
        for (const { key, clocks } of held) {
          // key is "<entity>:<id>", and an id may itself hold a colon (a conflict's does)
          const at = key.indexOf(':');
          const entity = key.slice(0, Math.max(at, 0)) as Entity;
          if (at < 0 || !(ENTITIES as readonly string[]).includes(entity)) continue;
          const forEntity = byEntity.get(entity) ?? new Map<string, FieldClocks>();
          byEntity.set(entity, forEntity.set(key.slice(at + 1), clocks));
        }
        for (const [entity, clocksById] of byEntity) {
          const table = tx.table(entityRegistry[entity].local.table);
          const ids = [...clocksById.keys()];
          const records = (await table.bulkGet(ids)) as (object | undefined)[];
          await table.bulkPut(
            records.flatMap((record, index) =>
              record ? [withClocks(record, clocksById.get(ids[index]!)!)] : [],
            ),
          );
        }
      });
    // v7: the clocks table, emptied into the records by v6, goes.
    this.version(7).stores({ clocks: null });
    // v8: partners and contacts lose their name indexes: screens sort names as a reader does
    // (entities/names.ts), and an index is one more write for every record of a first pull. Dexie 4
    // adds a table or index declared in the registry without a new version number, so a new entity
    // needs no change in this file; a new version is only needed to migrate data or to delete a table
    // or an index.
    this.version(8).stores(registryStores());
    // v9: each queued change records who made it, indexed so a push reads only the signed-in
    // person's. Changes queued before then were made by whoever is signed in now (a device refused a
    // different person's sign-in while any waited); on a device nobody is signed in to, by nobody known.
    this.version(9)
      .stores({ ...registryStores(), outbox: '++seq, id, [entity+recordId], madeBy.id' })
      .upgrade(async (tx) => {
        const session = (await tx.table<MetaEntry, string>('meta').get('session'))?.value as
          { user?: Partial<Author> } | undefined;
        const user = session?.user;
        const madeBy: Author = user?.id
          ? {
              id: user.id,
              username: user.username ?? '',
              displayName: user.displayName ?? user.username ?? UNKNOWN_AUTHOR.displayName,
            }
          : UNKNOWN_AUTHOR;
        for (const table of ['outbox', 'rejected']) {
          await tx
            .table<{ madeBy?: Author }>(table)
            .toCollection()
            .modify((entry) => {
              entry.madeBy ??= madeBy;
            });
        }
      });
  }

  /** The table holding each synced entity, and the field that is its key. */
  tableOf(entity: Entity): { table: Table<unknown, string>; key: string } {
    const { local, key } = entityRegistry[entity];
    return { table: this.table(local.table), key };
  }

  /** Every table holding synced records (not the outbox, rejected changes or meta): what sign-out clears. */
  recordTables(): Table[] {
    return ENTITIES.map((entity) => this.table(entityRegistry[entity].local.table));
  }
}

export const localDatabase = new LocalDatabase();

export async function readMeta<T>(db: LocalDatabase, key: MetaEntry['key']): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function writeMeta(db: LocalDatabase, key: MetaEntry['key'], value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
