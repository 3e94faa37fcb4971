// What a refusal says of a field is in plain words, whichever schema refused it: zod's built-in
// messages ("Too big: expected string to have <=100 characters", "Invalid input: expected object,
// received array", "Invalid option: expected one of "food"|…") reached the API's answers, the push
// results and the forms as they were. A schema's own message is kept as written.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '../../src/domain/api/apiError.ts';
import { loginRequestSchema } from '../../src/domain/accounts/user.ts';
import { termMappingsSchema } from '../../src/domain/openReferral/termMapping.ts';
import { partnerSchema } from '../../src/domain/entities/partner.ts';
import { aPartner } from '../support/directoryFixtures.ts';

const refusal = (schema: z.ZodType, value: unknown) => fieldErrors(schema.safeParse(value).error!);

describe('a refused field', () => {
  it.each([
    [
      'text too long',
      loginRequestSchema,
      { username: 'a'.repeat(101), password: 'x' },
      {
        username: 'is too long: at most 100 characters',
      },
    ],
    ['a body that is not an object', loginRequestSchema, [], { '(body)': 'must be an object' }],
    [
      'a field of the wrong type',
      loginRequestSchema,
      { username: 5, password: 'x' },
      { username: 'must be text' },
    ],
    ['a missing field', z.object({ name: z.string() }), {}, { name: 'is missing' }],
    [
      'an option not on the list',
      termMappingsSchema,
      { mappings: [{ term: 'Yoga', capability: 'yoga' }] },
      {
        'mappings.0.capability': expect.stringMatching(/^must be one of: food, medicines, /),
      },
    ],
    [
      'a list too long',
      z.object({ codes: z.array(z.string()).max(2) }),
      { codes: ['a', 'b', 'c'] },
      {
        codes: 'has too many: at most 2',
      },
    ],
    ['a number too small', z.object({ n: z.number().min(3) }), { n: 1 }, { n: 'must be at least 3' }],
    [
      'an email address',
      z.object({ email: z.email() }),
      { email: 'nope' },
      {
        email: 'must be an email address',
      },
    ],
  ])('is told in plain words for %s', (_case, schema, value, expected) => {
    expect(refusal(schema, value)).toEqual(expected);
  });

  it("keeps a schema's own message as written", () => {
    expect(refusal(partnerSchema, aPartner({ name: '' }))).toEqual({ name: 'name is required' });
  });
});
