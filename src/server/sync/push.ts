// Push: apply a batch of mutations from one device in one transaction. Each mutation is applied at most
// once (its id is remembered), merged field by field (src/domain/sync/merge.ts), checked against its
// entity's schema and the user's rights (the registry, src/domain/entities), and answered applied,
// duplicate or rejected with the reason. A rejected mutation stores nothing; the others still apply.
//
// Round trips are per batch, not per mutation, where they can be: one statement takes every lock the
// batch needs, in one global order (so two batches never deadlock); one reads which ids were applied;
// one per entity reads the records; one records the applied ids.
import type { Database, Queryable } from '../storage/database.ts';
import type { User } from '../../domain/accounts/user.ts';
import { mutationSchema, type Mutation, type PushResult } from '../../domain/sync/mutation.ts';
import { fieldErrors } from '../../domain/api/apiError.ts';
import { describeEntity, isEntity, type Entity } from '../../domain/entities/registry.ts';
import { canSeeScope } from '../../domain/entities/scope.ts';
import { BatchRecords } from './batchRecords.ts';
import { applyMutation, Rejection } from './applyMutation.ts';
import { changeEntries, recordAudit, type AuditEntry } from '../audit/audit.ts';

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

/** The records a batch touches, and the parents its new records name, to read in one go. */
function recordsNamed(mutations: readonly Mutation[]): Map<Entity, Set<string>> {
  const named = new Map<Entity, Set<string>>();
  const add = (entity: Entity, id: string) => named.set(entity, (named.get(entity) ?? new Set()).add(id));
  for (const mutation of mutations) {
    add(mutation.entity, mutation.recordId);
    const parent = safeParentOf(mutation);
    if (parent) add(parent.entity, parent.id);
  }
  return named;
}

function safeParentOf(mutation: Mutation): { entity: Entity; id: string } | null {
  const parent = describeEntity(mutation.entity).parentOf?.(mutation.changes);
  if (
    !parent ||
    typeof parent.id !== 'string' ||
    typeof parent.entity !== 'string' ||
    !isEntity(parent.entity)
  )
    return null;
  return { entity: parent.entity, id: parent.id };
}

async function lockInOrder(tx: Queryable, mutations: readonly Mutation[]): Promise<void> {
  const keys = mutations.flatMap((mutation) => {
    const parent = safeParentOf(mutation);
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

const isRetryable = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return code === '40P01' || code === '40001';
};

export async function push(
  db: Database,
  user: User,
  clientId: string,
  mutations: unknown[],
): Promise<PushResult[]> {
  const checked = mutations.map(check);
  const valid = checked.flatMap((entry) => ('mutation' in entry ? [entry.mutation] : []));
  if (valid.length === 0) return checked.map((entry) => ('result' in entry ? entry.result : unreachable()));

  return db.transaction(async (tx) => {
    await lockInOrder(tx, valid);
    const appliedBefore = new Set(
      (
        await tx.query<{ id: string }>(
          'SELECT id::text AS id FROM applied_mutations WHERE id = ANY($1::uuid[])',
          [valid.map((mutation) => mutation.id)],
        )
      ).map((row) => row.id),
    );
    const records = await BatchRecords.read(tx, recordsNamed(valid));
    const applied: Mutation[] = [];
    const audit: AuditEntry[] = [];
    const results: PushResult[] = [];
    for (const entry of checked) {
      if ('result' in entry) {
        results.push(entry.result);
        continue;
      }
      const { mutation } = entry;
      if (appliedBefore.has(mutation.id) || applied.some((done) => done.id === mutation.id)) {
        results.push({ id: mutation.id, status: 'duplicate' });
        continue;
      }
      results.push(await applyOne(tx, user, clientId, mutation, records, audit));
      if (results[results.length - 1]?.status === 'applied') applied.push(mutation);
    }
    // The audit trail of the whole batch in one statement.
    await recordAudit(tx, audit);
    if (applied.length > 0) {
      await tx.query(
        `INSERT INTO applied_mutations (id, client_id, user_id, entity)
         SELECT id, $2, $3, entity FROM unnest($1::uuid[], $4::text[]) AS a(id, entity)`,
        [
          applied.map((mutation) => mutation.id),
          clientId,
          user.id,
          applied.map((mutation) => mutation.entity),
        ],
      );
    }
    return results;
  });
}

/** One mutation inside a savepoint: whatever goes wrong with it is undone without touching the rest. */
async function applyOne(
  tx: Queryable,
  user: User,
  clientId: string,
  mutation: Mutation,
  records: BatchRecords,
  audit: AuditEntry[],
): Promise<PushResult> {
  await tx.query('SAVEPOINT mutation');
  const snapshot = records.snapshot();
  try {
    const before = records.get(mutation.entity, mutation.recordId)?.record ?? null;
    await applyMutation(tx, user, mutation, records);
    const after = records.get(mutation.entity, mutation.recordId)?.record;
    await tx.query('RELEASE SAVEPOINT mutation');
    if (after) audit.push(...changeEntries({ user, clientId, mutation, before, after }));
    return { id: mutation.id, status: 'applied' };
  } catch (error) {
    if (isRetryable(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT mutation');
    records.restore(snapshot);
    if (!(error instanceof Rejection)) {
      console.error('A pushed change could not be stored:', mutation.entity, mutation.recordId, error);
    }
    const stored = records.get(mutation.entity, mutation.recordId);
    // What a refusal hands back passes the same visibility rule as a pull.
    const visible = stored !== undefined && canSeeScope(user, stored.scope);
    return {
      id: mutation.id,
      status: 'rejected',
      reason: error instanceof Rejection ? error.message : 'The server could not store this change.',
      ...(error instanceof Rejection && error.fields ? { fields: error.fields } : {}),
      current: visible ? stored.record : null,
      // so the device's next edit builds on the server's stamps, not on the refused change's
      currentClocks: visible
        ? Object.fromEntries(Object.entries(stored.clocks).map(([field, clock]) => [field, clock.hlc]))
        : {},
    };
  }
}

function unreachable(): never {
  throw new Error('unreachable');
}
