// What a push batch reads once its locks are held, in one statement: which of its mutations were
// applied before, the records it touches (locked FOR UPDATE), and which of the records its changes
// name the server has (knownRecords.ts). One round trip where it took three: a phone's push of two
// changes made seven round trips in all, each costing the server and PostgreSQL about as much as the
// work it carried.
import type { Queryable } from '../storage/database.ts';
import { StatementParams } from '../storage/statementParams.ts';
import type { Entity } from '../../domain/entities/registry.ts';
import type { Reference, Referenced } from '../../domain/entities/references.ts';
import { BatchRecords } from './batchRecords.ts';
import { KnownRecords, knownKeys, knownParts } from './knownRecords.ts';
import { storedByEntity, storedRecordParts, type StoredOfEntityRow } from './recordStore.ts';

/**
 * Which of the ids (a uuid[] parameter) were applied before. One index probe per id (the LIMIT keeps
 * the subquery per id): written as `id = ANY(...)`, or as a join, the planner scanned the whole table
 * while it held some thousands of rows, comparing each with every id (1-3 ms a push), and the table
 * only grows.
 */
export const appliedAlreadySql = (ids: string) =>
  `SELECT m.id::text AS id FROM unnest(${ids}::uuid[]) AS m(id)
  CROSS JOIN LATERAL (SELECT 1 FROM applied_mutations a WHERE a.id = m.id LIMIT 1) AS found`;

export interface BatchReads {
  appliedBefore: Set<string>;
  records: BatchRecords;
  known: KnownRecords;
}

/** A row of the statement: which part it is from, then what that part reads. */
type ReadRow =
  | { part: 'applied'; id: string }
  | ({ part: 'stored' } & StoredOfEntityRow)
  | { part: 'known'; entity: Referenced; id: string };

export async function readBatch(
  tx: Queryable,
  mutationIds: readonly string[],
  named: Map<Entity, Set<string>>,
  references: readonly Reference[],
): Promise<BatchReads> {
  const params = new StatementParams();
  // Every part's rows in one shape: part, entity, id, record, field_clocks, scope.
  const parts = [
    `SELECT 'applied'::text AS part, NULL::text AS entity, a.id, NULL::jsonb AS record,
       NULL::jsonb AS field_clocks, NULL::text AS scope FROM (${appliedAlreadySql(params.add(mutationIds))}) AS a`,
    ...storedRecordParts(named, true, params).map(
      (part) =>
        `SELECT 'stored'::text, s.entity, s.id, s.record, s.field_clocks, s.scope FROM (${part}) AS s`,
    ),
    ...knownParts(references, params).map(
      (part) =>
        `SELECT 'known'::text, k.entity, k.id, NULL::jsonb, NULL::jsonb, NULL::text FROM (${part}) AS k`,
    ),
  ];
  const rows = await tx.query<ReadRow>(parts.join('\nUNION ALL\n'), params.values);
  const appliedBefore = new Set<string>();
  const stored: StoredOfEntityRow[] = [];
  const known: { entity: Referenced; id: string }[] = [];
  for (const row of rows) {
    if (row.part === 'applied') appliedBefore.add(row.id);
    else if (row.part === 'stored') stored.push(row);
    else known.push(row);
  }
  return {
    appliedBefore,
    records: BatchRecords.of(tx, named, storedByEntity(stored)),
    known: KnownRecords.of(tx, references, knownKeys(known)),
  };
}
