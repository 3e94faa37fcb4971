// Push: apply a batch of mutations from one device in one transaction. Each mutation is applied at most
// once (its id is remembered), merged field by field (src/domain/merge.ts), checked against the
// entity's schema and the user's rights, and answered applied, duplicate or rejected with the reason.
// A rejected mutation stores nothing; the others in the batch still apply.
import type { Database, Queryable } from '../storage/database.ts';
import { recordChanges } from '../storage/changeLog.ts';
import type { User } from '../../domain/user.ts';
import { mutationSchema, type Mutation, type PushResult } from '../../domain/mutation.ts';
import { fieldErrors } from '../../domain/apiError.ts';
import { mergeChange, type FieldConflict } from '../../domain/merge.ts';
import { MAX_CLOCK_AHEAD_MS, parseHlc } from '../../domain/hlc.ts';
import { canSeeParishScoped, writeRefusal } from '../../domain/access.ts';
import type { Conflict } from '../../domain/conflict.ts';
import { readForUpdate, writeRecord, type StoredRow } from './recordStore.ts';
import { RECORD_RULES, Rejection } from './recordRules.ts';
import { changeEntries, recordAudit } from '../audit/audit.ts';

export async function push(
  db: Database,
  user: User,
  clientId: string,
  mutations: unknown[],
): Promise<PushResult[]> {
  return db.transaction(async (tx) => {
    const results: PushResult[] = [];
    for (const raw of mutations) results.push(await pushOne(tx, user, clientId, raw));
    return results;
  });
}

function idOf(raw: unknown): string {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 100) : '';
}

async function pushOne(tx: Queryable, user: User, clientId: string, raw: unknown): Promise<PushResult> {
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return {
      id: idOf(raw),
      status: 'rejected',
      reason: `Not a valid change: ${Object.keys(fields).join(', ')}.`,
      fields,
    };
  }
  const mutation = parsed.data;
  // Waits for a concurrent push of the same mutation to finish, then sees it as a duplicate.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('mutation:' || $1))`, [mutation.id]);
  const seen = await tx.query('SELECT 1 FROM applied_mutations WHERE id = $1', [mutation.id]);
  if (seen.length > 0) return { id: mutation.id, status: 'duplicate' };

  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [
    mutation.entity,
    mutation.recordId,
  ]);
  const stored = await readForUpdate(tx, mutation.entity, mutation.recordId);
  try {
    await apply(tx, user, mutation, stored, clientId);
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    const visible = stored && (stored.parishCode === null || canSeeParishScoped(user, stored.parishCode));
    return {
      id: mutation.id,
      status: 'rejected',
      reason: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      current: visible ? stored.record : null,
      // so the device's next edit builds on the server's stamps, not on the refused change's
      currentClocks: visible
        ? Object.fromEntries(Object.entries(stored.clocks).map(([field, clock]) => [field, clock.hlc]))
        : {},
    };
  }
  await tx.query('INSERT INTO applied_mutations (id, client_id, user_id, entity) VALUES ($1, $2, $3, $4)', [
    mutation.id,
    clientId,
    user.id,
    mutation.entity,
  ]);
  return { id: mutation.id, status: 'applied' };
}

async function apply(
  tx: Queryable,
  user: User,
  mutation: Mutation,
  stored: StoredRow | undefined,
  clientId: string,
): Promise<void> {
  if (parseHlc(mutation.hlc).ms > Date.now() + MAX_CLOCK_AHEAD_MS) {
    throw new Rejection(
      "This device's clock is more than a day ahead. Set the date and time, then sync again.",
    );
  }
  const rules = RECORD_RULES[mutation.entity];
  if (stored && rules.appendOnly) {
    throw new Rejection('Timeline entries cannot be changed once written; add a new note instead.');
  }
  // The server, not the device, says who made a change.
  const changes = rules.stamp(mutation.changes, user, stored === undefined);
  if (stored === undefined && mutation.entity !== 'timeline' && !('id' in changes) && !('code' in changes)) {
    throw new Rejection('There is no such record on the server to change.');
  }
  const merged = mergeChange(stored?.record ?? null, stored?.clocks ?? {}, {
    changes,
    hlc: mutation.hlc,
    base: mutation.base,
    by: user.displayName,
  });
  const checked = rules.schema.safeParse(merged.record);
  if (!checked.success) {
    const fields = fieldErrors(checked.error);
    throw new Rejection(`Please check: ${Object.keys(fields).join(', ')}.`, fields);
  }
  const record = checked.data as Record<string, unknown>;
  if (rules.idOf(record) !== mutation.recordId)
    throw new Rejection('The change names a different record than it edits.');

  const parishAfter = await rules.parishOf(tx, record, stored);
  const refusal = writeRefusal(
    user,
    rules.scoped
      ? { entity: mutation.entity as 'request', parishBefore: stored?.parishCode ?? null, parishAfter }
      : { entity: mutation.entity as 'partner' },
  );
  if (refusal) throw new Rejection(refusal);

  await writeRecord(tx, mutation.entity, mutation.recordId, record, merged.clocks, parishAfter);
  await recordAudit(
    tx,
    changeEntries({ user, clientId, mutation, before: stored?.record ?? null, after: record }),
  );
  await keepConflicts(tx, mutation, merged.conflicts, parishAfter, rules.label(record));
}

async function keepConflicts(
  tx: Queryable,
  mutation: Mutation,
  conflicts: FieldConflict[],
  parishCode: string | null,
  recordLabel: string,
): Promise<void> {
  if (conflicts.length === 0) return;
  const ids: string[] = [];
  for (const conflict of conflicts) {
    const kept: Conflict = {
      id: `${mutation.id}:${conflict.field}`,
      entity: mutation.entity,
      recordId: mutation.recordId,
      recordLabel,
      field: conflict.field,
      keptValue: conflict.kept.value,
      keptBy: conflict.kept.by,
      keptAt: conflict.kept.hlc,
      otherValue: conflict.other.value,
      otherBy: conflict.other.by,
      otherAt: conflict.other.hlc,
      status: 'open',
      settledBy: null,
      settledAt: null,
    };
    await tx.query(
      `INSERT INTO conflicts (id, parish_code, record) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING`,
      [kept.id, parishCode, JSON.stringify(kept)],
    );
    ids.push(kept.id);
  }
  await recordChanges(tx, 'conflict', ids);
}
