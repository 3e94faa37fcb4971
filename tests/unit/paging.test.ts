// Paged list routes: the query a client sends (limit with a default and a maximum, offset), refused with
// the field named when bad; the page built from limit + 1 rows; and how the app reads every page of a
// list it searches whole (people, the public directory), without looping on a server that does not move on.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../src/domain/api/apiError.ts';
import { pageOf, pageQuerySchema, readEveryPage } from '../../src/domain/api/paging.ts';

const query = pageQuerySchema(100, 500);

describe('a paged list', () => {
  it('takes a default limit and offset, and numbers given as text', () => {
    expect(query.parse({})).toEqual({ limit: 100, offset: 0 });
    expect(query.parse({ limit: '500', offset: '40' })).toEqual({ limit: 500, offset: 40 });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ limit: 'all' }, 'limit'],
    [{ limit: '1.5' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ offset: 'x' }, 'offset'],
  ])('refuses %j, naming %s', (input, field) => {
    const parsed = query.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(Object.keys(fieldErrors(parsed.error))).toEqual([field]);
  });

  it('says where the next page starts from the extra row, and null on the last page', () => {
    expect(pageOf([1, 2, 3], { limit: 2, offset: 10 })).toEqual({ rows: [1, 2], nextOffset: 12 });
    expect(pageOf([1, 2], { limit: 2, offset: 10 })).toEqual({ rows: [1, 2], nextOffset: null });
  });

  it('reads every page in order, and stops at a server that does not move on', async () => {
    const all = Array.from({ length: 7 }, (_, index) => index);
    const asked: number[] = [];
    const read = await readEveryPage(async (offset) => {
      asked.push(offset);
      const page = pageOf(all.slice(offset, offset + 4), { limit: 3, offset });
      return Promise.resolve({ items: page.rows, nextOffset: page.nextOffset });
    });
    expect(read).toEqual(all);
    expect(asked).toEqual([0, 3, 6]);
    let calls = 0;
    const stuck = await readEveryPage(() => {
      calls += 1;
      return Promise.resolve({ items: ['a'], nextOffset: 0 });
    });
    expect(stuck).toEqual(['a']);
    expect(calls).toBe(1);
  });
});
