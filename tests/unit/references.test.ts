// The list of fields that name another record (references.ts) is complete: every field of every
// entity's schema that reads like an id or code of another record is either listed or said here why
// not, so a new field such as `partnerIds` cannot slip past the push's check unnoticed.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENTITIES, describeEntity } from '../../src/domain/entities/registry.ts';
import { REFERENCE_FIELDS, referencesIn, type Referenced } from '../../src/domain/entities/references.ts';
import { aRequest } from '../support/records.ts';

/** Every leaf field path of a schema, `[]` for a list's items. */
function leafPaths(schema: z.core.$ZodType, at: string[] = []): string[][] {
  const def = schema._zod.def as unknown as {
    type: string;
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
    innerType?: z.core.$ZodType;
    in?: z.core.$ZodType;
  };
  if (def.type === 'object')
    return Object.entries(def.shape!).flatMap(([key, value]) => leafPaths(value, [...at, key]));
  if (def.type === 'array') return leafPaths(def.element!, [...at, '[]']);
  if (def.innerType) return leafPaths(def.innerType, at);
  if (def.type === 'pipe') return leafPaths(def.in!, at);
  return [at];
}

/** Fields whose name says they hold another record's id or code, by how they are named. */
const NAMING = /(Id|Ids|Code|Codes)$|^(wards|parishes|neighbours)$/;

/** Such fields the push does not check, and why. */
const NOT_CHECKED: Record<string, string> = {
  'request.createdBy': 'set by the server from the signed-in person',
  'timeline.requestId': "the note's parent: writeChange refuses a note whose request is not on the server",
  'conflict.recordId': 'made by the server about a record it holds',
  'councilSetting.code': "the setting's own key",
  'partner.orukId': "the service's id in an Open Referral feed elsewhere, not a record here",
};

describe('fields that name another record', () => {
  it('are all listed in REFERENCE_FIELDS or said why not', () => {
    const unlisted: string[] = [];
    for (const entity of ENTITIES) {
      const { schema, key } = describeEntity(entity);
      const listed = new Set(REFERENCE_FIELDS[entity].map((reference) => reference.path.join('.')));
      for (const path of leafPaths(schema)) {
        const name = path.filter((step) => step !== '[]').at(-1)!;
        const joined = path.join('.');
        if (!NAMING.test(name) || joined === key) continue;
        if (!listed.has(joined) && !Object.hasOwn(NOT_CHECKED, `${entity}.${joined}`))
          unlisted.push(`${entity}.${joined}`);
      }
    }
    expect(unlisted).toEqual([]);
  });

  it('are read from a whole record, and from a change carrying only some fields', () => {
    const request = aRequest({
      incidentId: '7a0c8a3e-6b0e-4d7e-9a55-2f6a1c3b9d10',
      place: { wardCode: 'W1', parishCode: 'P1', lat: null, lon: null, address: '' },
      assignments: [
        {
          partnerId: 'p-1',
          partnerName: 'A',
          reasons: [],
          assignedAt: '2026-11-01T10:00:00Z',
          assignedBy: 'x',
        },
        {
          partnerId: 'p-2',
          partnerName: 'B',
          reasons: [],
          assignedAt: '2026-11-01T10:00:00Z',
          assignedBy: 'x',
        },
      ],
    });
    expect(referencesIn('request', request as unknown as Record<string, unknown>)).toEqual([
      { field: 'incidentId', entity: 'incident', id: '7a0c8a3e-6b0e-4d7e-9a55-2f6a1c3b9d10' },
      { field: 'place.wardCode', entity: 'ward', id: 'W1' },
      { field: 'place.parishCode', entity: 'parish', id: 'P1' },
      { field: 'assignments.0.partnerId', entity: 'partner', id: 'p-1' },
      { field: 'assignments.1.partnerId', entity: 'partner', id: 'p-2' },
    ]);
    expect(referencesIn('request', { status: 'done' })).toEqual([]);
    // unchecked input of the wrong shape is left to the schema, never thrown on
    expect(referencesIn('request', { place: 'nowhere', assignments: {}, incidentId: 5 })).toEqual([]);
  });

  it("reads a review check's record as the entity it names", () => {
    const check = { roundId: 'r', entity: 'contact', recordId: 'c' };
    const named = (fields: Record<string, unknown>): [string, Referenced][] =>
      referencesIn('reviewCheck', fields).map((reference) => [reference.field, reference.entity]);
    expect(named(check)).toEqual([
      ['roundId', 'reviewRound'],
      ['recordId', 'contact'],
    ]);
    expect(named({ ...check, entity: 'nonsense' })).toEqual([['roundId', 'reviewRound']]);
  });
});
