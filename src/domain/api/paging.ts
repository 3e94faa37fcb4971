// Paging for list routes that could otherwise answer without bound (people, the public directory):
// `limit` (a default, and a maximum a client cannot pass) and `offset`, the place to start; each page
// says where the next starts (`nextOffset`, null on the last page). A bad limit or offset is a 400
// naming the field, never a 500 or a silent clamp; so is a parameter the list does not take.
import { z } from 'zod';

/**
 * A whole number in a query string, written in decimal digits ("25"). Every number a route reads from
 * its query is one of these: z.coerce.number() also took "0x10" as 16, "+5", " 5", "1e2" and an empty
 * value as 0, and answered in zod's words ("Too small: expected number to be >=1").
 */
export function wholeNumberParam(
  min: number,
  max: number,
  words = { min: `at least ${min}`, max: `at most ${max}` },
) {
  return z
    .string()
    .regex(/^\d{1,16}$/, 'must be a whole number written in digits')
    .transform(Number)
    .pipe(z.number().min(min, `must be ${words.min}`).max(max, `must be ${words.max}`));
}

/** The query of a paged list: `limit` from 1 to `max` (default `byDefault`), `offset` from 0. */
export function pageQuerySchema(byDefault: number, max: number) {
  return z.strictObject({
    limit: wholeNumberParam(1, max).default(byDefault),
    offset: wholeNumberParam(0, 1_000_000_000, { min: '0 or more', max: 'at most 1000000000' }).default(0),
  });
}
export type PageQuery = z.infer<ReturnType<typeof pageQuerySchema>>;

/** Where the next page starts: null when this one is the last. */
export const nextOffsetSchema = z.number().int().min(0).nullable();

/**
 * A page from `limit + 1` rows read at `offset` (the extra row says whether there is more, without a
 * count): the rows to answer, and where the next page starts.
 */
export function pageOf<T>(rows: readonly T[], query: PageQuery): { rows: T[]; nextOffset: number | null } {
  const more = rows.length > query.limit;
  return { rows: rows.slice(0, query.limit), nextOffset: more ? query.offset + query.limit : null };
}

/** People: a council has a few hundred at most; the app reads every page. */
export const PEOPLE_PAGE = { byDefault: 100, max: 500 } as const;
/** Signed-in devices of one person: a handful, unless something signs in over and over. */
export const SESSIONS_PAGE = { byDefault: 100, max: 500 } as const;
/** The public directory: other organisations' tools read it page by page; the app reads every page. */
export const PUBLIC_PARTNERS_PAGE = { byDefault: 100, max: 500 } as const;

/** The query of each paged list: the routes and the API description use these very schemas. */
export const peoplePageQuery = pageQuerySchema(PEOPLE_PAGE.byDefault, PEOPLE_PAGE.max);
export const sessionsPageQuery = pageQuerySchema(SESSIONS_PAGE.byDefault, SESSIONS_PAGE.max);
export const publicPartnersPageQuery = pageQuerySchema(
  PUBLIC_PARTNERS_PAGE.byDefault,
  PUBLIC_PARTNERS_PAGE.max,
);

/**
 * Every item of a paged list, page by page from the start (the app's screens that search or sort the
 * whole list). Stops at the last page, and at a server that answers a page that does not move on.
 */
export async function readEveryPage<T>(
  readPage: (offset: number) => Promise<{ items: T[]; nextOffset: number | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let offset = 0;
  for (;;) {
    const page = await readPage(offset);
    items.push(...page.items);
    if (page.nextOffset === null || page.nextOffset <= offset) return items;
    offset = page.nextOffset;
  }
}
