// Every body our API reads takes only the fields it names. A field it does not take was dropped
// without a word: an admin's PATCH of a person with { "role": …, "parishcode": … } changed the role,
// answered 200 and left the parish as it was. Now the unknown field is refused, named on its own, for
// every route in the table the API description is made from (so a route added later is covered).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { API_ROUTES } from '../../src/domain/api/apiRoutes.ts';
import { fieldErrors, UNKNOWN_FIELD } from '../../src/domain/api/apiError.ts';
import { mutationSchema } from '../../src/domain/sync/mutation.ts';

const withBodies = API_ROUTES.filter(
  (route): route is typeof route & { body: z.ZodType } => route.body !== undefined,
);

describe('request bodies', () => {
  it('has routes with bodies to check', () => {
    expect(withBodies.length).toBeGreaterThanOrEqual(8);
  });

  it.each(withBodies.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route.body] as const))(
    '%s refuses a field it does not take, naming it',
    (_route, body) => {
      const result = body.safeParse({ parishcode: 'DEMO-P02' });
      expect(result.success).toBe(false);
      expect(fieldErrors(result.error!)).toMatchObject({ parishcode: UNKNOWN_FIELD });
    },
  );

  it('refuses a mutation with a misspelt part, naming it', () => {
    const result = mutationSchema.safeParse({
      id: '6f1c1a52-7d0e-4c39-9f57-3f4f2b2a0c11',
      entity: 'request',
      recordId: '0b5e8e0e-2f0a-4a8e-9d7e-5a3c2f1b9e22',
      hlc: '001796188171444-00002-phone',
      changes: { urgency: 'today' },
      bsae: { urgency: '001796188171297-00001-phone' },
    });
    expect(fieldErrors(result.error!)).toEqual({ bsae: UNKNOWN_FIELD });
  });

  it('names an unknown field inside a list item by its place', () => {
    const mappings = API_ROUTES.find(
      (route) => route.method === 'put' && route.path === '/api/openreferral/term-mappings',
    )!.body!;
    const result = mappings.safeParse({ mappings: [{ term: 'Food bank', capability: 'food', need: 'x' }] });
    expect(fieldErrors(result.error!)).toEqual({ 'mappings.0.need': UNKNOWN_FIELD });
  });
});

describe('the stamps a pushed change says it saw', () => {
  const change = (base: Record<string, string>) => ({
    id: '6f1c1a52-7d0e-4c39-9f57-3f4f2b2a0c11',
    entity: 'request',
    recordId: '0b5e8e0e-2f0a-4a8e-9d7e-5a3c2f1b9e22',
    hlc: '001796188171444-00002-phone',
    changes: { urgency: 'today' },
    base,
  });

  it('takes clock stamps', () => {
    expect(mutationSchema.safeParse(change({ urgency: '001796188171297-00001-phone' })).success).toBe(true);
  });

  // Text that is no stamp matched none, so the change was taken as made blind and a conflict recorded.
  it.each(['garbage', '', '2026-11-29T21:00:00.000Z', '1796188171297-1-phone'])(
    'refuses %j as a stamp, naming the field',
    (stamp) => {
      expect(fieldErrors(mutationSchema.safeParse(change({ urgency: stamp })).error!)).toEqual({
        'base.urgency': 'must be a clock stamp',
      });
    },
  );
});
