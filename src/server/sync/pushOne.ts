// One mutation of a push batch, in one of two ways. Together (the usual way): decided in memory and held
// with the batch's other writes (pendingWrites.ts), so the whole batch is stored in a few statements; a
// refusal takes back only what this mutation had added. One by one (when storing the batch together
// failed): written straight away inside its own savepoint, so a change the database will not take is
// refused alone and the rest still apply.
import type { Queryable } from '../storage/database.ts';
import type { User } from '../../domain/accounts/user.ts';
import type { Mutation, PushResult } from '../../domain/sync/mutation.ts';
import { canSeeScope } from '../../domain/entities/scope.ts';
import { stampsOf } from '../../domain/sync/merge.ts';
import type { BatchRecords } from './batchRecords.ts';
import type { KnownRecords } from './knownRecords.ts';
import type { PendingWrites } from './pendingWrites.ts';
import { writeNow, type RecordWriter } from './recordStore.ts';
import { applyMutation, Rejection } from './applyMutation.ts';
import { changeEntries, type AuditEntry } from '../audit/audit.ts';
import { isBusy } from '../storage/retryWhenBusy.ts';

/** A mutation could not be decided or stored for a reason other than a Rejection: store one by one. */
export class StoringTogetherFailed extends Error {
  constructor(readonly reason: unknown) {
    super('The batch could not be stored together.');
    this.name = 'StoringTogetherFailed';
  }
}

export interface PushContext {
  user: User;
  clientId: string;
  records: BatchRecords;
  /** Which of the records the batch names the server has. */
  known: KnownRecords;
  /** Audit entries of the applied mutations, written with the batch. */
  audit: AuditEntry[];
}

async function decide(context: PushContext, writer: RecordWriter, mutation: Mutation): Promise<void> {
  const { user, clientId, records, known, audit } = context;
  const before = records.get(mutation.entity, mutation.recordId)?.record ?? null;
  await applyMutation(writer, user, mutation, records, known);
  const after = records.get(mutation.entity, mutation.recordId)?.record;
  if (after) audit.push(...changeEntries({ user, clientId, mutation, before, after }));
}

export async function pushTogether(
  context: PushContext,
  pending: PendingWrites,
  mutation: Mutation,
): Promise<PushResult> {
  const { records, audit } = context;
  const recordsMark = records.mark();
  const pendingMark = pending.mark();
  const audited = audit.length;
  try {
    await decide(context, pending, mutation);
    return { id: mutation.id, status: 'applied' };
  } catch (error) {
    if (isBusy(error)) throw error;
    if (!(error instanceof Rejection)) throw new StoringTogetherFailed(error);
    records.undo(recordsMark);
    pending.undo(pendingMark);
    audit.length = audited;
    return refusal(context, mutation, error);
  }
}

export async function pushInSavepoint(
  context: PushContext,
  tx: Queryable,
  mutation: Mutation,
): Promise<PushResult> {
  const { records, audit } = context;
  await tx.query('SAVEPOINT mutation');
  const recordsMark = records.mark();
  const audited = audit.length;
  try {
    await decide(context, writeNow(tx), mutation);
    await tx.query('RELEASE SAVEPOINT mutation');
    return { id: mutation.id, status: 'applied' };
  } catch (error) {
    if (isBusy(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT mutation');
    records.undo(recordsMark);
    audit.length = audited;
    if (!(error instanceof Rejection)) {
      console.error('A pushed change could not be stored:', mutation.entity, mutation.recordId, error);
    }
    return refusal(context, mutation, error);
  }
}

function refusal(context: PushContext, mutation: Mutation, error: unknown): PushResult {
  const { user, records } = context;
  const stored = records.get(mutation.entity, mutation.recordId);
  // What a refusal hands back passes the same visibility rule as a pull.
  const visible = stored !== undefined && canSeeScope(user, stored.scope);
  return {
    id: mutation.id,
    status: 'rejected',
    reason: error instanceof Rejection ? error.message : 'The server could not store this change.',
    ...(error instanceof Rejection && error.fields ? { fields: error.fields } : {}),
    ...(error instanceof Rejection && error.code ? { code: error.code } : {}),
    current: visible ? stored.record : null,
    // so the device's next edit builds on the server's stamps, not on the refused change's
    currentClocks: visible ? stampsOf(stored.clocks) : {},
  };
}
