// Every number a route reads from its query (a page's limit and offset, a pull's limit, the audit
// trail's before and limit, the Open Referral feed's page and per_page) is a whole number written in
// digits. Before, "0x10" was read as 16, "+5", " 5" and "1e2" as numbers and an empty value as 0, and
// a refusal spoke zod's words ("Too small: expected number to be >=1").
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/domain/api/apiRoutes.ts';
import { fieldErrors } from '../../src/domain/api/apiError.ts';
import { orukServicesQuerySchema } from '../../src/domain/openReferral/orukApi.ts';

const NUMBER_PARAMS = ['limit', 'offset', 'before', 'page', 'per_page'];

/** Each query schema with each of its number parameters. */
const CASES = [
  ...API_ROUTES.filter((route) => route.query !== undefined).map((route) => ({
    route: route.path,
    query: route.query!,
  })),
  { route: '/openreferral/services', query: orukServicesQuerySchema },
].flatMap(({ route, query }) =>
  Object.keys(query.shape)
    .filter((name) => NUMBER_PARAMS.includes(name))
    .map((name) => ({ route, query, name })),
);

describe('numbers in a query', () => {
  it('covers the number parameters of every route', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(CASES)('$route reads $name written in digits', ({ query, name }) => {
    expect(query.parse({ [name]: '5' })[name as keyof typeof query.shape]).toBe(5);
  });

  it.each(
    CASES.flatMap((each) =>
      ['0x10', '+5', ' 5', '5 ', '1e2', '', '5.0', '-1'].map((value) => ({ ...each, value })),
    ),
  )('$route refuses $name=$value, naming it in plain words', ({ query, name, value }) => {
    const result = query.safeParse({ [name]: value });
    expect(fieldErrors(result.error!)).toEqual({ [name]: 'must be a whole number written in digits' });
  });

  it.each(CASES.filter(({ name }) => name === 'limit' || name === 'per_page'))(
    '$route says how far $name may go, in plain words',
    ({ query, name }) => {
      const result = query.safeParse({ [name]: '99999999' });
      expect(fieldErrors(result.error!)[name]).toMatch(/^must be at most \d+$/);
    },
  );
});
