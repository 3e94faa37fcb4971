// Writes directory records (wards, parishes, partners, contacts) in bulk, one statement per entity,
// with their change-log rows in the same transaction. Records must already be validated.
import type { Queryable } from '../storage/database.ts';
import { recordChanges } from '../storage/changeLog.ts';
import type { Ward, Parish } from '../../domain/area.ts';
import type { Partner } from '../../domain/partner.ts';
import type { Contact } from '../../domain/contact.ts';

// Large batches are split so one statement's JSON parameter stays a sensible size.
const BATCH = 2000;

async function inBatches<T>(records: readonly T[], write: (batch: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < records.length; start += BATCH)
    await write(records.slice(start, start + BATCH));
}

export async function saveWards(tx: Queryable, wards: readonly Ward[]): Promise<void> {
  await inBatches(wards, async (batch) => {
    await tx.query(
      `INSERT INTO wards (id, record)
       SELECT r->>'code', r FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
      [JSON.stringify(batch)],
    );
    await recordChanges(
      tx,
      'ward',
      batch.map((ward) => ward.code),
    );
  });
}

export async function saveParishes(tx: Queryable, parishes: readonly Parish[]): Promise<void> {
  await inBatches(parishes, async (batch) => {
    await tx.query(
      `INSERT INTO parishes (id, record)
       SELECT r->>'code', r FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
      [JSON.stringify(batch)],
    );
    await recordChanges(
      tx,
      'parish',
      batch.map((parish) => parish.code),
    );
  });
}

export async function savePartners(tx: Queryable, partners: readonly Partner[]): Promise<void> {
  await inBatches(partners, async (batch) => {
    await tx.query(
      `INSERT INTO partners (id, record)
       SELECT (r->>'id')::uuid, r FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
      [JSON.stringify(batch)],
    );
    await recordChanges(
      tx,
      'partner',
      batch.map((partner) => partner.id),
    );
  });
}

export async function saveContacts(tx: Queryable, contacts: readonly Contact[]): Promise<void> {
  await inBatches(contacts, async (batch) => {
    await tx.query(
      `INSERT INTO contacts (id, parish_code, restricted, record)
       SELECT (r->>'id')::uuid, r->>'parishCode', r->>'visibility' = 'restricted', r
       FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (id) DO UPDATE SET parish_code = EXCLUDED.parish_code, restricted = EXCLUDED.restricted,
         record = EXCLUDED.record, updated_at = now()`,
      [JSON.stringify(batch)],
    );
    await recordChanges(
      tx,
      'contact',
      batch.map((contact) => contact.id),
    );
  });
}
