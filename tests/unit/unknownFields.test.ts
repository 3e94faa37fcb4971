// The fields a value holds that its schema does not name, at any depth, read from the schema itself:
// through optional, nullable, defaulted and transformed fields, lists and records; an open (loose)
// object takes any.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unknownFields } from '../../src/domain/entities/unknownFields.ts';
import { partnerSchema } from '../../src/domain/entities/partner.ts';
import { aPartner } from '../support/directoryFixtures.ts';

describe('unknownFields', () => {
  it('finds nothing in a record its schema wrote', () => {
    expect(unknownFields(partnerSchema, aPartner())).toEqual([]);
  });

  it('names every unknown field by its path, however deep and however wrapped', () => {
    const schema = z.object({
      place: z.object({ name: z.string() }).nullable().optional(),
      hours: z.array(z.object({ day: z.number() })).default([]),
      byName: z.record(z.string(), z.object({ n: z.number() })),
      text: z.string().transform((text) => text.trim()),
      open: z.looseObject({ a: z.number() }),
    });
    expect(
      unknownFields(schema, {
        place: { name: 'x', extra: 1 },
        hours: [{ day: 1 }, { day: 2, note: '' }],
        byName: { k: { n: 1, m: 2 } },
        text: 'a',
        open: { a: 1, anything: true },
        top: 1,
      }),
    ).toEqual([['byName', 'k', 'm'], ['hours', 1, 'note'], ['place', 'extra'], ['top']]);
  });
});
