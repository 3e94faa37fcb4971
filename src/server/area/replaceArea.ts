// Replaces the whole area (wards and parishes) with a newly loaded one, in one transaction, and mends the
// directory so nothing names a place that no longer exists: a partner offered for a ward that is gone
// would send a duty officer to the wrong people. What was loaded, removed and mended comes back as a
// report for the person running the import.
import { randomUUID } from 'node:crypto';
import { formatHlc } from '../../domain/sync/hlc.ts';
import { stampsOf } from '../../domain/sync/merge.ts';
import type { Database, Queryable } from '../storage/database.ts';
import { saveLoadedRecords } from '../directory/records.ts';
import { parishSchema, wardSchema, type Parish, type Ward } from '../../domain/geo/area.ts';
import { lsoaSchema, type Lsoa } from '../../domain/entities/lsoa.ts';
import type { Partner } from '../../domain/entities/partner.ts';
import type { Contact } from '../../domain/entities/contact.ts';
import {
  mendContacts,
  mendPartners,
  type ContactFixUp,
  type DirectoryChange,
  type PartnerFixUp,
} from '../../domain/directory/directoryMend.ts';
import type { Entity } from '../../domain/entities/registry.ts';
import { readAllStored, writeNow } from '../sync/recordStore.ts';
import { recordChanges } from '../storage/changeLog.ts';
import { writeChange } from '../sync/writeChange.ts';

export type { ContactFixUp, PartnerFixUp } from '../../domain/directory/directoryMend.ts';

/** Two imports at once would each delete what the other loaded. */
const AREA_LOCK = 7_391_003;

export interface AreaReplacement {
  wardsLoaded: number;
  parishesLoaded: number;
  /** Names of the wards and parishes that were in the old area but not the new one. */
  wardsRemoved: string[];
  parishesRemoved: string[];
  unparishedWards: string[];
  partners: PartnerFixUp[];
  contacts: ContactFixUp[];
  /** Parish coordinators whose parish is gone: they see no parish's requests until given a new one. */
  coordinators: { username: string; formerParish: string }[];
  /** Requests logged for a ward or parish that is gone; they keep the place as it was logged. */
  requestsInOldPlaces: number;
}

export interface ReplaceAreaOptions {
  /** Where the area came from (file names), kept in settings for the admin screen. */
  source?: string;
  now?: Date;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');

/**
 * Writes the import's mending of the directory through the same path as a person's edit: each changed
 * field gets the import's clock stamp (so a device that edits it from an older copy raises a conflict
 * instead of silently undoing it), and the change log tells every device.
 */
async function writeMended(
  tx: Queryable,
  entity: Entity,
  stored: Awaited<ReturnType<typeof readAllStored>>,
  mended: readonly DirectoryChange<object>[],
  run: { hlc: string; id: string },
): Promise<void> {
  const noted = { set: () => undefined };
  for (const { id, changes } of mended) {
    const row = stored.get(id);
    // The import saw every field as it is stored now: its change replaces them without a conflict.
    const base = stampsOf(row?.clocks ?? {});
    await writeChange(writeNow(tx), noted, {
      entity,
      id,
      stored: row,
      changes: changes as Record<string, unknown>,
      hlc: run.hlc,
      base,
      by: 'the boundary import',
      changeId: `${run.id}:${id}`,
      parentScope: async () => undefined,
    });
  }
}

function checkArea(
  wards: readonly Ward[],
  parishes: readonly Parish[],
): { wards: Ward[]; parishes: Parish[] } {
  const checkedWards = wards.map((ward) => wardSchema.parse(ward));
  const codes = new Set(checkedWards.map((ward) => ward.code));
  if (codes.size !== checkedWards.length) throw new Error('the new area names a ward code twice');
  const checkedParishes = parishes.map((parish) => parishSchema.parse(parish));
  if (new Set(checkedParishes.map((parish) => parish.code)).size !== checkedParishes.length) {
    throw new Error('the new area names a parish code twice');
  }
  for (const parish of checkedParishes) {
    const unknown = parish.wardCodes.find((code) => !codes.has(code));
    if (unknown !== undefined)
      throw new Error(`parish ${parish.code} lies in ward ${unknown}, which is not in the new area`);
  }
  return { wards: checkedWards, parishes: checkedParishes };
}

async function deleteMissing(
  tx: Queryable,
  table: 'wards' | 'parishes' | 'lsoas',
  keep: string[],
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `DELETE FROM ${table} WHERE NOT (id = ANY($1::text[])) RETURNING id`,
    [keep],
  );
  const ids = rows.map((row) => row.id);
  // The pull turns a change-log row whose record is gone into a tombstone.
  // Wards and parishes are everyone's, so everyone is told.
  await recordChanges(
    tx,
    table === 'wards' ? 'ward' : table === 'lsoas' ? 'lsoa' : 'parish',
    ids.map((id) => ({ id, scope: null })),
  );
  return ids;
}

export async function replaceArea(
  db: Database,
  area: { wards: readonly Ward[]; parishes: readonly Parish[]; lsoas?: readonly Lsoa[] },
  options: ReplaceAreaOptions = {},
): Promise<AreaReplacement> {
  const { wards, parishes: newParishes } = checkArea(area.wards, area.parishes);
  const now = (options.now ?? new Date()).toISOString();
  const wardCodes = wards.map((ward) => ward.code);
  const parishCodes = newParishes.map((parish) => parish.code);

  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AREA_LOCK]);
    const oldWardNames = new Map(
      (await tx.query<{ id: string; name: string }>(`SELECT id, record->>'name' AS name FROM wards`)).map(
        (row) => [row.id, row.name],
      ),
    );
    const oldParishes = new Map(
      (await tx.query<{ id: string; record: Parish }>('SELECT id, record FROM parishes')).map((row) => [
        row.id,
        row.record,
      ]),
    );

    // A boundary file knows nothing of what the council recorded about a parish (nor that it was
    // retired); keep it. Parishes stored before `retired` existed lack it: not retired.
    const parishes = newParishes.map((parish): Parish => {
      const old = oldParishes.get(parish.code);
      return old === undefined
        ? parish
        : {
            ...parish,
            communityEmergencyPlan: old.communityEmergencyPlan,
            charterRole: old.charterRole,
            retired: old.retired === true,
          };
    });

    await saveLoadedRecords(tx, 'ward', wards);
    await saveLoadedRecords(tx, 'parish', parishes);
    const wardsRemoved = await deleteMissing(tx, 'wards', wardCodes);
    const parishesRemoved = await deleteMissing(tx, 'parishes', parishCodes);
    // LSOAs come and go with the area: an import without them leaves none (and no ward summary).
    const lsoas = (area.lsoas ?? []).map((lsoa) => lsoaSchema.parse(lsoa));
    await saveLoadedRecords(tx, 'lsoa', lsoas);
    await deleteMissing(
      tx,
      'lsoas',
      lsoas.map((lsoa) => lsoa.code),
    );

    const wardName = (code: string) => oldWardNames.get(code) ?? code;
    const parishName = (code: string) => oldParishes.get(code)?.name ?? code;
    const newArea = {
      wardCodes: new Set(wardCodes),
      parishCodes: new Set(parishCodes),
      wardName,
      parishName,
      now,
    };
    const run = {
      hlc: formatHlc({ ms: Date.parse(now), counter: 0, node: 'boundary-import' }),
      id: randomUUID(),
    };

    // Locked: an edit arriving meanwhile waits for us rather than being overwritten.
    const partners = await readAllStored(tx, 'partner');
    const mendedPartners = mendPartners(
      [...partners.values()].map((row) => row.record as Partner),
      newArea,
    );
    await writeMended(tx, 'partner', partners, mendedPartners.changes, run);
    const contacts = await readAllStored(tx, 'contact');
    const mendedContacts = mendContacts(
      [...contacts.values()].map((row) => row.record as Contact),
      newArea,
    );
    await writeMended(tx, 'contact', contacts, mendedContacts.changes, run);

    const coordinators = (
      await tx.query<{ username: string; parish_code: string }>(
        `SELECT username, parish_code FROM users
         WHERE parish_code IS NOT NULL AND NOT (parish_code = ANY($1::text[])) ORDER BY username`,
        [parishCodes],
      )
    ).map((row) => ({ username: row.username, formerParish: parishName(row.parish_code) }));
    const [oldPlaces] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM requests
       WHERE NOT (coalesce(record->'place'->>'wardCode', '') = ANY($1::text[]) OR record->'place'->>'wardCode' IS NULL)
          OR NOT (coalesce(record->'place'->>'parishCode', '') = ANY($2::text[]) OR record->'place'->>'parishCode' IS NULL)`,
      [wardCodes, parishCodes],
    );

    await tx.query(
      `INSERT INTO settings (key, value) VALUES ('area', $1::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [JSON.stringify({ source: options.source ?? 'import', loadedAt: now })],
    );

    return {
      wardsLoaded: wards.length,
      parishesLoaded: parishes.length,
      wardsRemoved: wardsRemoved.map(wardName).sort(byName),
      parishesRemoved: parishesRemoved.map(parishName).sort(byName),
      unparishedWards: wards
        .filter((ward) => !ward.parished)
        .map((ward) => ward.name)
        .sort(byName),
      partners: mendedPartners.report,
      contacts: mendedContacts.report,
      coordinators,
      requestsInOldPlaces: oldPlaces?.n ?? 0,
    };
  });
}
