// The fields of each entity that name another record (a ward's code, a request's incident, a partner
// assigned to a request), and the records a record names through them. The server refuses a change that
// names a record it has never had (src/server/sync/knownRecords.ts): stored, such a reference would be
// sent to every device, where it leads nowhere. A dependant's parent (a note's request, a conflict's
// record) is not listed: writeChange already refuses a dependant whose parent is not on the server.
import type { Entity } from './registry.ts';

/** What a reference names: a synced record, or a person (an account: not synced, but kept by the server). */
export type Referenced = Entity | 'person';

/**
 * A field naming records of `entity` (or of the entity the record itself names, for a review check).
 * `path` walks the record: a name steps into an object's field, `[]` into every item of a list.
 */
export interface ReferenceField {
  path: readonly string[];
  entity: Referenced | ((record: Record<string, unknown>) => Entity | null);
}

/** One record a record names, and where: `field` reads like a field of a refusal ("place.parishCode"). */
export interface Reference {
  field: string;
  entity: Referenced;
  id: string;
}

export const REFERENCE_FIELDS: { readonly [E in Entity]: readonly ReferenceField[] } = {
  ward: [{ path: ['neighbours', '[]'], entity: 'ward' }],
  lsoa: [{ path: ['wardCode'], entity: 'ward' }],
  parish: [{ path: ['wardCodes', '[]'], entity: 'ward' }],
  partner: [
    { path: ['coverage', 'wards', '[]'], entity: 'ward' },
    { path: ['coverage', 'parishes', '[]'], entity: 'parish' },
  ],
  contact: [{ path: ['parishCode'], entity: 'parish' }],
  incident: [{ path: ['wardCodes', '[]'], entity: 'ward' }],
  request: [
    { path: ['incidentId'], entity: 'incident' },
    { path: ['place', 'wardCode'], entity: 'ward' },
    { path: ['place', 'parishCode'], entity: 'parish' },
    { path: ['assignments', '[]', 'partnerId'], entity: 'partner' },
  ],
  // requestId is the note's parent (see the header).
  timeline: [],
  // Made by the server, about a record it holds.
  conflict: [],
  reviewRound: [],
  reviewAssignment: [
    { path: ['roundId'], entity: 'reviewRound' },
    { path: ['assigneeId'], entity: 'person' },
  ],
  reviewCheck: [
    { path: ['roundId'], entity: 'reviewRound' },
    {
      path: ['recordId'],
      entity: (check) => (check.entity === 'partner' || check.entity === 'contact' ? check.entity : null),
    },
  ],
  issuedReport: [{ path: ['incidentId'], entity: 'incident' }],
  councilSetting: [],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The ids found at `path` under `value`, each with its field path; anything not shaped so is skipped. */
function idsAt(value: unknown, path: readonly string[], at: string[]): { field: string; id: string }[] {
  if (path.length === 0) return typeof value === 'string' ? [{ field: at.join('.'), id: value }] : [];
  const [step, ...rest] = path;
  if (step === '[]') {
    return Array.isArray(value)
      ? value.flatMap((item: unknown, index) => idsAt(item, rest, [...at, String(index)]))
      : [];
  }
  return isObject(value) && Object.hasOwn(value, step!) ? idsAt(value[step!], rest, [...at, step!]) : [];
}

/**
 * The records `fields` name: a whole record, or only some of its fields (a change). Works on unchecked
 * input too (what a device sent): whatever is not where a reference would be is left to the schema.
 * For a review check's record, `whole` says which entity it is about when the change does not.
 */
export function referencesIn(
  entity: Entity,
  fields: Record<string, unknown>,
  whole: Record<string, unknown> = fields,
): Reference[] {
  return REFERENCE_FIELDS[entity].flatMap((reference) => {
    const target = typeof reference.entity === 'function' ? reference.entity(whole) : reference.entity;
    if (target === null) return [];
    return idsAt(fields, reference.path, []).map(({ field, id }) => ({ field, entity: target, id }));
  });
}
