// Reading and writing one synced record with its per-field clocks, for push. Each write also moves the
// record to the end of the change log, in the same transaction.
import type { Queryable } from '../storage/database.ts';
import { ENTITY_STORAGE, recordChanges } from '../storage/changeLog.ts';
import type { Entity } from '../../domain/sync.ts';
import type { FieldClocks } from '../../domain/merge.ts';

export interface StoredRow {
  record: Record<string, unknown>;
  clocks: FieldClocks;
  parishCode: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record as stored, locked until the transaction ends; undefined when there is none. */
export async function readForUpdate(
  tx: Queryable,
  entity: Entity,
  id: string,
): Promise<StoredRow | undefined> {
  const { table, idType, hasClocks, scope } = ENTITY_STORAGE[entity];
  if (idType === 'uuid' && !UUID.test(id)) return undefined;
  const [row] = await tx.query<{
    record: Record<string, unknown>;
    field_clocks: FieldClocks;
    parish_code: string | null;
  }>(
    `SELECT record, ${hasClocks ? 'field_clocks' : `'{}'::jsonb AS field_clocks`},
       ${scope === 'parish' ? 'parish_code' : 'NULL::text AS parish_code'}
     FROM ${table} WHERE id = $1::${idType} FOR UPDATE`,
    [id],
  );
  return row && { record: row.record, clocks: row.field_clocks, parishCode: row.parish_code };
}

export async function writeRecord(
  tx: Queryable,
  entity: Entity,
  id: string,
  record: Record<string, unknown>,
  clocks: FieldClocks,
  parishCode: string | null,
): Promise<void> {
  const { table, idType } = ENTITY_STORAGE[entity];
  const json = JSON.stringify(record);
  const clocksJson = JSON.stringify(clocks);
  switch (entity) {
    case 'contact':
      await tx.query(
        `INSERT INTO contacts (id, parish_code, restricted, record, field_clocks)
         VALUES ($1, $2::jsonb->>'parishCode', $2::jsonb->>'visibility' = 'restricted', $2::jsonb, $3::jsonb)
         ON CONFLICT (id) DO UPDATE SET parish_code = EXCLUDED.parish_code, restricted = EXCLUDED.restricted,
           record = EXCLUDED.record, field_clocks = EXCLUDED.field_clocks, updated_at = now()`,
        [id, json, clocksJson],
      );
      break;
    case 'request':
    case 'conflict':
      await tx.query(
        `INSERT INTO ${table} (id, parish_code, record${entity === 'request' ? ', field_clocks' : ''})
         VALUES ($1::${idType}, $2, $3::jsonb${entity === 'request' ? ', $4::jsonb' : ''})
         ON CONFLICT (id) DO UPDATE SET parish_code = EXCLUDED.parish_code, record = EXCLUDED.record,
           ${entity === 'request' ? 'field_clocks = EXCLUDED.field_clocks,' : ''} updated_at = now()`,
        entity === 'request' ? [id, parishCode, json, clocksJson] : [id, parishCode, json],
      );
      break;
    case 'timeline':
      await tx.query(
        `INSERT INTO timeline (id, request_id, parish_code, record) VALUES ($1, ($2::jsonb->>'requestId')::uuid, $3, $2::jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [id, json, parishCode],
      );
      break;
    case 'ward':
      throw new Error('wards change only through the boundary importer');
    default:
      await tx.query(
        `INSERT INTO ${table} (id, record, field_clocks) VALUES ($1::${idType}, $2::jsonb, $3::jsonb)
         ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, field_clocks = EXCLUDED.field_clocks, updated_at = now()`,
        [id, json, clocksJson],
      );
  }
  await recordChanges(tx, entity, [id]);
}
