// Paging for list routes that could otherwise answer without bound (people, the public directory):
// `limit` (a default, and a maximum a client cannot pass) and `offset`, the place to start; each page
// says where the next starts (`nextOffset`, null on the last page). A bad limit or offset is a 400
// naming the field, never a 500 or a silent clamp.
import { z } from 'zod';

/** The query of a paged list: `limit` from 1 to `max` (default `byDefault`), `offset` from 0. */
export function pageQuerySchema(byDefault: number, max: number) {
  return z.object({
    limit: z.coerce
      .number('must be a number')
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(max, `must be at most ${max}`)
      .default(byDefault),
    offset: z.coerce
      .number('must be a number')
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(1_000_000_000, 'is too large')
      .default(0),
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
