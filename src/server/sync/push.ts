// Push: apply a batch of mutations from one device in one transaction. Each mutation is applied at most
// once (its id is remembered), merged field by field (src/domain/sync/merge.ts), checked against its
// entity's schema and the user's rights (the registry, src/domain/entities), and answered applied,
// duplicate or rejected with the reason. A rejected mutation stores nothing; the others still apply.
//
// Round trips are per batch, not per mutation: one statement takes every lock the batch needs, in one
// global order (so two batches never deadlock); one reads which ids were applied, the records of every
// entity, and which of the records they name the server has (batchReads.ts). The
// mutations are then decided in memory, in order (a later one sees an earlier one's record, and may
// name it), and everything they write — records, change log, audit trail, applied ids — is stored
// in one statement (pendingWrites.ts). Only if that fails is the batch redone one mutation at a time in
// savepoints (pushOne.ts), to refuse the culprit alone. A deadlock with some other writer is tried again
// before the device is answered "busy" (retryWhenBusy.ts).
import type { Database, Queryable } from '../storage/database.ts';
import type { User } from '../../domain/accounts/user.ts';
import { mutationSchema, type Mutation, type PushResult } from '../../domain/sync/mutation.ts';
import { fieldErrors } from '../../domain/api/apiError.ts';
import { describeEntity, isEntity, type Entity } from '../../domain/entities/registry.ts';
import { readBatch } from './batchReads.ts';
import { referencesIn } from '../../domain/entities/references.ts';
import { readStoredOfEntities } from './recordStore.ts';
import { PendingWrites } from './pendingWrites.ts';
import { pushInSavepoint, pushTogether, StoringTogetherFailed, type PushContext } from './pushOne.ts';
import { addAudit } from '../audit/audit.ts';
import { isBusy, transactionRetriedWhenBusy } from '../storage/retryWhenBusy.ts';
import { CombinedStatement } from '../storage/combinedStatement.ts';

type Checked = { mutation: Mutation } | { result: PushResult };

function idOf(raw: unknown): string {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 100) : '';
}

function check(raw: unknown): Checked {
  const parsed = mutationSchema.safeParse(raw);
  if (parsed.success) return { mutation: parsed.data };
  const fields = fieldErrors(parsed.error);
  return {
    result: {
      id: idOf(raw),
      status: 'rejected',
      reason: `Not a valid change: ${Object.keys(fields).join(', ')}.`,
      fields,
    },
  };
}

interface RecordRef {
  entity: Entity;
  id: string;
}

/** The parent each mutation writes under, by mutation id (a note's request, a conflict's record). */
type Parents = Map<string, RecordRef>;

/** The records a batch touches, and their parents, to read in one go. */
function recordsNamed(mutations: readonly Mutation[], parents: Parents): Map<Entity, Set<string>> {
  const named = new Map<Entity, Set<string>>();
  const add = (entity: Entity, id: string) => named.set(entity, (named.get(entity) ?? new Set()).add(id));
  for (const mutation of mutations) {
    add(mutation.entity, mutation.recordId);
    const parent = parents.get(mutation.id);
    if (parent) add(parent.entity, parent.id);
  }
  return named;
}

function safeParentOf(entity: Entity, record: Record<string, unknown>): RecordRef | null {
  const parent = describeEntity(entity).parentOf?.(record);
  if (
    !parent ||
    typeof parent.id !== 'string' ||
    typeof parent.entity !== 'string' ||
    !isEntity(parent.entity)
  )
    return null;
  return { entity: parent.entity, id: parent.id };
}

/**
 * The parents a new record names in its changes, and those of stored records changed without naming
 * them (a conflict being settled): the latter read first, without a lock, so that they too are locked
 * up front — a dependant never changes parent, so what is read here still holds once locked.
 */
async function parentsOf(tx: Queryable, mutations: readonly Mutation[]): Promise<Parents> {
  const parents: Parents = new Map();
  const unnamed = new Map<Entity, Set<string>>();
  for (const mutation of mutations) {
    const parent = safeParentOf(mutation.entity, mutation.changes);
    if (parent) parents.set(mutation.id, parent);
    else if (describeEntity(mutation.entity).parentOf)
      unnamed.set(mutation.entity, (unnamed.get(mutation.entity) ?? new Set()).add(mutation.recordId));
  }
  if (unnamed.size === 0) return parents;
  const stored = await readStoredOfEntities(tx, unnamed);
  for (const mutation of mutations) {
    const row = parents.has(mutation.id) ? undefined : stored.get(mutation.entity)?.get(mutation.recordId);
    const parent = row && safeParentOf(mutation.entity, row.record);
    if (parent) parents.set(mutation.id, parent);
  }
  return parents;
}

async function lockInOrder(tx: Queryable, mutations: readonly Mutation[], parents: Parents): Promise<void> {
  const keys = mutations.flatMap((mutation) => {
    const parent = parents.get(mutation.id);
    return [
      `mutation:${mutation.id}`,
      `${mutation.entity}:${mutation.recordId}`,
      ...(parent ? [`${parent.entity}:${parent.id}`] : []),
    ];
  });
  // The subquery sorts first (OFFSET 0 keeps it from being flattened), then the locks are taken in
  // that order: every push takes its locks in the same global order, so none waits on another in a cycle.
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(k)) FROM (
       SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest($1::text[]) AS key ORDER BY k OFFSET 0
     ) AS ordered`,
    [keys],
  );
}

export async function push(
  db: Database,
  user: User,
  clientId: string,
  mutations: unknown[],
): Promise<PushResult[]> {
  const checked = mutations.map(check);
  const valid = checked.flatMap((entry) => ('mutation' in entry ? [entry.mutation] : []));
  if (valid.length === 0) return checked.map((entry) => ('result' in entry ? entry.result : unreachable()));
  try {
    return await transactionRetriedWhenBusy(db, (tx) =>
      pushBatch(tx, user, clientId, checked, valid, 'together'),
    );
  } catch (error) {
    if (!(error instanceof StoringTogetherFailed)) throw error;
    // Rare: a change the checks passed but the database refused (or a fault of ours). The batch was
    // rolled back whole; now each mutation goes in its own savepoint, so only the culprit is refused.
    console.warn('A push batch could not be stored together; storing it one by one:', error.reason);
    return transactionRetriedWhenBusy(db, (tx) => pushBatch(tx, user, clientId, checked, valid, 'oneByOne'));
  }
}

async function pushBatch(
  tx: Queryable,
  user: User,
  clientId: string,
  checked: readonly Checked[],
  valid: readonly Mutation[],
  way: 'together' | 'oneByOne',
): Promise<PushResult[]> {
  const parents = await parentsOf(tx, valid);
  await lockInOrder(tx, valid, parents);
  const { appliedBefore, records, known } = await readBatch(
    tx,
    valid.map((mutation) => mutation.id),
    recordsNamed(valid, parents),
    valid.flatMap((mutation) => referencesIn(mutation.entity, mutation.changes)),
  );
  const context: PushContext = { user, clientId, records, known, audit: [] };
  const pending = new PendingWrites(tx, (entity, id) => context.records.stored(entity, id));
  const applied: Mutation[] = [];
  const appliedIds = new Set<string>();
  const results: PushResult[] = [];
  for (const entry of checked) {
    if ('result' in entry) {
      results.push(entry.result);
      continue;
    }
    const { mutation } = entry;
    if (appliedBefore.has(mutation.id) || appliedIds.has(mutation.id)) {
      results.push({ id: mutation.id, status: 'duplicate' });
      continue;
    }
    const result =
      way === 'together'
        ? await pushTogether(context, pending, mutation)
        : await pushInSavepoint(context, tx, mutation);
    results.push(result);
    if (result.status === 'applied') {
      applied.push(mutation);
      appliedIds.add(mutation.id);
    }
  }
  try {
    // Records, change log, audit trail and applied ids: one statement for the whole batch.
    const statement = new CombinedStatement();
    pending.addTo(statement);
    addAudit(statement, context.audit);
    rememberApplied(statement, user, clientId, applied);
    await statement.run(tx);
  } catch (error) {
    if (way === 'oneByOne' || isBusy(error)) throw error;
    throw new StoringTogetherFailed(error);
  }
  return results;
}

function rememberApplied(
  statement: CombinedStatement,
  user: User,
  clientId: string,
  applied: readonly Mutation[],
): void {
  if (applied.length === 0) return;
  statement.add(
    `INSERT INTO applied_mutations (id, client_id, user_id, entity)
     SELECT id, ${statement.param(clientId)}, ${statement.param(user.id)}::uuid, entity
     FROM unnest(${statement.param(applied.map((mutation) => mutation.id))}::uuid[],
       ${statement.param(applied.map((mutation) => mutation.entity))}::text[]) AS a(id, entity)`,
  );
}

function unreachable(): never {
  throw new Error('unreachable');
}
