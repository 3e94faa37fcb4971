// Replaces the whole area (wards and parishes) with a newly loaded one, in one transaction, and mends the
// directory so nothing names a place that no longer exists: a partner offered for a ward that is gone
// would send a duty officer to the wrong people. What was loaded, removed and mended comes back as a
// report for the person running the import.
import { formatHlc } from '../../domain/hlc.ts';
import type { Database, Queryable } from '../storage/database.ts';
import { recordChanges } from '../storage/changeLog.ts';
import { saveContacts, saveParishes, savePartners, saveWards } from '../directory/records.ts';
import { parishSchema, wardSchema, type Parish, type Ward } from '../../domain/area.ts';
import type { Partner } from '../../domain/partner.ts';
import type { Contact } from '../../domain/contact.ts';

/** Two imports at once would each delete what the other loaded. */
const AREA_LOCK = 7_391_003;

export interface PartnerFixUp {
  id: string;
  name: string;
  /** Names of the wards and parishes taken out of its coverage. */
  removedWards: string[];
  removedParishes: string[];
  /** Its coverage names nowhere now, so it is no longer offered for any place. */
  coversNothing: boolean;
  status: Partner['status'];
}

export interface ContactFixUp {
  id: string;
  name: string;
  formerParish: string;
  organisation: string | null;
}

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
 * Gives the fields the import changed a clock stamp of their own, as a person's edit would have, so a
 * device that edits the same field from an older copy raises a conflict instead of silently undoing it.
 */
async function stampFields(
  tx: Queryable,
  table: 'partners' | 'contacts',
  ids: string[],
  fields: string[],
  now: string,
) {
  if (ids.length === 0) return;
  const clock = {
    hlc: formatHlc({ ms: Date.parse(now), counter: 0, node: 'boundary-import' }),
    by: 'the boundary import',
  };
  const stamps = Object.fromEntries(fields.map((field) => [field, clock]));
  await tx.query(`UPDATE ${table} SET field_clocks = field_clocks || $2::jsonb WHERE id = ANY($1::uuid[])`, [
    ids,
    JSON.stringify(stamps),
  ]);
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

async function deleteMissing(tx: Queryable, table: 'wards' | 'parishes', keep: string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `DELETE FROM ${table} WHERE NOT (id = ANY($1::text[])) RETURNING id`,
    [keep],
  );
  const ids = rows.map((row) => row.id);
  // The pull turns a change-log row whose record is gone into a tombstone.
  await recordChanges(tx, table === 'wards' ? 'ward' : 'parish', ids);
  return ids;
}

export async function replaceArea(
  db: Database,
  area: { wards: readonly Ward[]; parishes: readonly Parish[] },
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

    await saveWards(tx, wards);
    await saveParishes(tx, parishes);
    const wardsRemoved = await deleteMissing(tx, 'wards', wardCodes);
    const parishesRemoved = await deleteMissing(tx, 'parishes', parishCodes);

    const wardName = (code: string) => oldWardNames.get(code) ?? code;
    const parishName = (code: string) => oldParishes.get(code)?.name ?? code;
    const liveWards = new Set(wardCodes);
    const liveParishes = new Set(parishCodes);

    // FOR UPDATE: an edit arriving meanwhile waits for us rather than being overwritten.
    const partnerRows = await tx.query<{ record: Partner }>(
      'SELECT record FROM partners ORDER BY id FOR UPDATE',
    );
    const changedPartners: Partner[] = [];
    const partnerReport: PartnerFixUp[] = [];
    for (const { record: partner } of partnerRows) {
      const { coverage } = partner;
      const goneWards = coverage.wards.filter((code) => !liveWards.has(code));
      const goneParishes = coverage.parishes.filter((code) => !liveParishes.has(code));
      if (goneWards.length + goneParishes.length === 0) continue;
      const wardsLeft = coverage.wards.filter((code) => liveWards.has(code));
      const parishesLeft = coverage.parishes.filter((code) => liveParishes.has(code));
      const coversNothing = !coverage.boroughWide && wardsLeft.length + parishesLeft.length === 0;
      // Paused, not closed: someone must name where it works now; a closed partner stays closed.
      const status = coversNothing && partner.status === 'active' ? 'paused' : partner.status;
      changedPartners.push({
        ...partner,
        coverage: { ...coverage, wards: wardsLeft, parishes: parishesLeft },
        status,
        updatedAt: now,
      });
      partnerReport.push({
        id: partner.id,
        name: partner.name,
        removedWards: goneWards.map(wardName),
        removedParishes: goneParishes.map(parishName),
        coversNothing,
        status,
      });
    }
    await savePartners(tx, changedPartners);
    await stampFields(
      tx,
      'partners',
      changedPartners.map((partner) => partner.id),
      ['coverage', 'status', 'updatedAt'],
      now,
    );

    const contactRows = await tx.query<{ record: Contact }>(
      `SELECT record FROM contacts
       WHERE record->>'parishCode' IS NOT NULL AND NOT (record->>'parishCode' = ANY($1::text[]))
       ORDER BY id FOR UPDATE`,
      [parishCodes],
    );
    const changedContacts: Contact[] = [];
    const contactReport: ContactFixUp[] = [];
    for (const { record: contact } of contactRows) {
      const formerParish = parishName(contact.parishCode ?? '');
      // A contact must name an organisation or a parish; keep saying where they were from.
      const organisation = contact.organisation ?? `Former parish: ${formerParish}`;
      changedContacts.push({ ...contact, parishCode: null, organisation, updatedAt: now });
      contactReport.push({ id: contact.id, name: contact.name, formerParish, organisation });
    }
    await saveContacts(tx, changedContacts);
    await stampFields(
      tx,
      'contacts',
      changedContacts.map((contact) => contact.id),
      ['parishCode', 'organisation', 'updatedAt'],
      now,
    );

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
      partners: partnerReport,
      contacts: contactReport,
      coordinators,
      requestsInOldPlaces: oldPlaces?.n ?? 0,
    };
  });
}
