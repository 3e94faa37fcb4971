// Which of the records a push batch names (a request's ward, parish, incident and partners...) the server
// has: read for the whole batch in one statement, before its mutations are decided, so a change naming a
// record the server never had is refused (references.ts) at the cost of one round trip per batch, not
// one per mutation.
//
// "Has" means: stored now, written earlier in the same batch (an incident and a request for it logged
// offline together), or stored once and since removed — a ward a boundary import dropped, a parish an
// admin removed. The last are accepted on purpose: the device named a record it was sent, perhaps while
// offline before the removal reached it, and refusing would lose the person's request (a coordinator's
// log of someone needing help) over a place name; the request keeps the code and the name it was logged
// with (place.name), and an officer can move it. A removed record's change-log row stays for good (the
// pull's tombstone), so the change log says what the server ever had.
import type { Queryable } from '../storage/database.ts';
import { describeEntity, type Entity } from '../../domain/entities/registry.ts';
import type { Reference, Referenced } from '../../domain/entities/references.ts';
import { storableIds, type StoredRow } from './recordStore.ts';
import { StatementParams } from '../storage/statementParams.ts';

// Lower case only, as idSchema: an id in another spelling names no row, never one PostgreSQL would match.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Records written earlier in this batch (BatchRecords). */
interface BatchWritten {
  get(entity: Entity, id: string): StoredRow | undefined;
}

const isUuid = (entity: Referenced) =>
  entity === 'person' || describeEntity(entity).storage.idType === 'uuid';

function keyOf(entity: Referenced, id: string): string {
  // A uuid is stored in one case whatever case it was sent in.
  return `${entity}:${isUuid(entity) ? id.toLowerCase() : id}`;
}

/** Where the named records are kept: a person in the accounts, a record in its entity's table. */
function lookUp(entity: Referenced, named: Iterable<string>, params: StatementParams): string | null {
  if (entity === 'person') {
    const ids = [...named].filter((id) => UUID.test(id));
    return ids.length === 0
      ? null
      : `SELECT 'person'::text AS entity, id::text AS id FROM users WHERE id = ANY(${params.add(ids)}::uuid[])`;
  }
  const { table, idType } = describeEntity(entity).storage;
  const ids = storableIds(entity, named);
  return ids.length === 0
    ? null
    : `SELECT '${entity}'::text AS entity, id::text AS id FROM ${table} WHERE id = ANY(${params.add(ids)}::${idType}[])`;
}

/**
 * The statement's parts (to join with UNION ALL) that find which of `references` name a record stored
 * now or once, each row `entity, id`; none when there are none.
 */
export function knownParts(references: readonly Reference[], params: StatementParams): string[] {
  if (references.length === 0) return [];
  const byEntity = new Map<Referenced, Set<string>>();
  for (const { entity, id } of references) byEntity.set(entity, (byEntity.get(entity) ?? new Set()).add(id));
  const parts: string[] = [];
  const entities: string[] = [];
  const ids: string[] = [];
  for (const [entity, named] of byEntity) {
    // A removed record's change-log row says it was there (people are not in the change log).
    if (entity !== 'person')
      for (const id of named) {
        entities.push(entity);
        ids.push(id);
      }
    const part = lookUp(entity, named, params);
    if (part) parts.push(part);
  }
  parts.push(`SELECT l.entity, l.entity_id AS id FROM change_log l
    JOIN unnest(${params.add(entities)}::text[], ${params.add(ids)}::text[]) AS r(entity, id)
      ON l.entity = r.entity AND l.entity_id = r.id`);
  return parts;
}

/** What knownParts' rows say is known, as KnownRecords keeps it. */
export const knownKeys = (rows: Iterable<{ entity: Referenced; id: string }>): Set<string> =>
  new Set([...rows].map((row) => keyOf(row.entity, row.id)));

/** Which of `references` name a record stored now or once: one statement for all of them. */
async function readKnown(tx: Queryable, references: readonly Reference[]): Promise<Set<string>> {
  const params = new StatementParams();
  const parts = knownParts(references, params);
  if (parts.length === 0) return new Set();
  return knownKeys(
    await tx.query<{ entity: Referenced; id: string }>(parts.join('\nUNION ALL\n'), params.values),
  );
}

export class KnownRecords {
  private constructor(
    private readonly tx: Queryable,
    private readonly asked: Set<string>,
    private readonly known: Set<string>,
  ) {}

  /** Reads, in one statement, which of the records a batch names the server has. */
  static async read(tx: Queryable, references: readonly Reference[]): Promise<KnownRecords> {
    return KnownRecords.of(tx, references, await readKnown(tx, references));
  }

  /** What a statement with knownParts for `references` found (`known`, from knownKeys). */
  static of(tx: Queryable, references: readonly Reference[], known: Set<string>): KnownRecords {
    return new KnownRecords(tx, new Set(references.map((ref) => keyOf(ref.entity, ref.id))), known);
  }

  /**
   * The references that name no record the server has or had, nor one `batch` wrote earlier. A name
   * not read up front (a code the schema trimmed) is read now.
   */
  async unknown(references: readonly Reference[], batch: BatchWritten): Promise<Reference[]> {
    const unasked = references.filter((ref) => !this.asked.has(keyOf(ref.entity, ref.id)));
    if (unasked.length > 0) {
      for (const key of await readKnown(this.tx, unasked)) this.known.add(key);
      for (const ref of unasked) this.asked.add(keyOf(ref.entity, ref.id));
    }
    return references.filter(
      (ref) =>
        !this.known.has(keyOf(ref.entity, ref.id)) &&
        (ref.entity === 'person' || batch.get(ref.entity, ref.id) === undefined),
    );
  }
}
