// One pushed mutation: the checks a device's change must pass (its entity's rules from the registry and
// the user's rights), then the one write path every change takes (writeChange.ts). Throws a Rejection
// with a reason a person can act on; refusals never say whether a record the user cannot see exists.
import type { User } from '../../domain/accounts/user.ts';
import type { Mutation } from '../../domain/sync/mutation.ts';
import { MAX_CLOCK_AHEAD_MS, parseHlc } from '../../domain/sync/hlc.ts';
import { writeRefusal } from '../../domain/entities/access.ts';
import { canSeeScope } from '../../domain/entities/scope.ts';
import { describeEntity, isEntity } from '../../domain/entities/registry.ts';
import { unknownFields } from '../../domain/entities/unknownFields.ts';
import { fieldPath } from '../../domain/api/apiError.ts';
import { sameValue } from '../../domain/sync/merge.ts';
import type { BatchRecords } from './batchRecords.ts';
import type { KnownRecords } from './knownRecords.ts';
import type { RecordWriter } from './recordStore.ts';
import { Rejection, writeChange } from './writeChange.ts';

export { Rejection } from './writeChange.ts';

const NOT_FOUND = 'There is no such record on the server to change.';

export async function applyMutation(
  writer: RecordWriter,
  user: User,
  mutation: Mutation,
  records: BatchRecords,
  knownRecords: KnownRecords,
): Promise<void> {
  const { entity, recordId } = mutation;
  const description = describeEntity(entity);
  if (parseHlc(mutation.hlc).ms > Date.now() + MAX_CLOCK_AHEAD_MS) {
    throw new Rejection(
      "This device's clock is more than a day ahead. Set the date and time, then sync again.",
      undefined,
      'clock_ahead',
    );
  }
  const stored = records.get(entity, recordId);
  // A record this user may not see answers exactly as one that does not exist.
  if (stored && !canSeeScope(user, stored.scope)) throw new Rejection(NOT_FOUND);
  if (!stored && !description.createdOnDevices) {
    throw new Rejection(
      `${capitalised(description.words.many)} are recorded by the server, not sent by devices.`,
    );
  }
  if (!stored && !(description.key in mutation.changes)) throw new Rejection(NOT_FOUND);
  if (stored && description.appendOnly) {
    throw new Rejection(`A ${description.words.one} cannot be changed once written; add a new one instead.`);
  }

  // At any depth: zod would drop a nested one (place.extra) without a word, and the change apply without it.
  const unknown = unknownFields(description.schema, mutation.changes).map((path) => fieldPath(path));
  if (unknown.length > 0) {
    throw new Rejection(
      `A ${description.words.one} has no ${unknown.join(', ')}.`,
      Object.fromEntries(unknown.map((field) => [field, `is not a field of a ${description.words.one}`])),
    );
  }
  if (stored && description.deviceFields) {
    const other = Object.keys(mutation.changes).find((field) => !description.deviceFields!.includes(field));
    if (other)
      throw new Rejection(
        `Only a ${description.words.one}'s ${description.deviceFields.join(' and ')} can be changed, not ${other}.`,
      );
  }
  if (stored) {
    const owned = Object.keys(mutation.changes).filter((field) => description.serverOwned.includes(field));
    if (owned.length > 0) {
      throw new Rejection(
        `${owned.join(', ')} is set by the server.`,
        Object.fromEntries(owned.map((field) => [field, 'is set by the server'])),
      );
    }
  }
  if (stored && description.fixedOnceMade) {
    // The same value sent again is no change (a device that resends the record as it was made).
    const fixed = description.fixedOnceMade.filter(
      (field) =>
        Object.hasOwn(mutation.changes, field) && !sameValue(mutation.changes[field], stored.record[field]),
    );
    if (fixed.length > 0) {
      throw new Rejection(
        `${fixed.join(', ')} is set when the ${description.words.one} is made and cannot be changed.`,
        Object.fromEntries(fixed.map((field) => [field, 'is set when the record is made'])),
      );
    }
  }
  const changes = { ...mutation.changes, ...description.stamp?.(user, stored === undefined) };

  await writeChange(writer, records, {
    entity,
    id: recordId,
    stored,
    changes,
    hlc: mutation.hlc,
    base: mutation.base,
    by: user.displayName,
    changeId: mutation.id,
    // The parent of a new record must be one this user can see; then the scopes must allow the write.
    async parentScope(parent) {
      if (!isEntity(parent.entity)) return undefined;
      const row = await records.fetch(parent.entity, parent.id);
      return row && canSeeScope(user, row.scope) ? row : undefined;
    },
    unknownReferences: (references) => knownRecords.unknown(references, records),
    authorise(before, after) {
      const refusal = writeRefusal(user, entity, before, after);
      if (refusal) throw new Rejection(refusal);
    },
  });
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
