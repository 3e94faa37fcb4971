// Pull page sizes from how the link has fared: a quarter after a page is cut off, double after one is
// stored, never outside the smallest and largest.
import { describe, expect, it } from 'vitest';
import { PAGE_SIZES, pageSizeAfter } from '../../src/domain/sync/pageSize.ts';

describe('pageSizeAfter', () => {
  it('shrinks to a quarter when a page is cut off, down to the smallest', () => {
    expect(pageSizeAfter(2000, 'cutOff')).toBe(500);
    expect(pageSizeAfter(500, 'cutOff')).toBe(125);
    expect(pageSizeAfter(125, 'cutOff')).toBe(PAGE_SIZES.smallest);
    expect(pageSizeAfter(PAGE_SIZES.smallest, 'cutOff')).toBe(PAGE_SIZES.smallest);
  });

  it('doubles when a page is stored, up to the largest', () => {
    expect(pageSizeAfter(50, 'stored')).toBe(100);
    expect(pageSizeAfter(1500, 'stored')).toBe(PAGE_SIZES.largest);
    expect(pageSizeAfter(PAGE_SIZES.largest, 'stored')).toBe(PAGE_SIZES.largest);
  });
});
