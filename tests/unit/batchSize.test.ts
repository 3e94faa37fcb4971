// Pull page and push batch sizes from how the link has fared: a quarter after one is cut off, double
// after one gets through, never outside the smallest and largest.
import { describe, expect, it } from 'vitest';
import { PULL_PAGE_SIZES, PUSH_BATCH_SIZES, sizeAfter } from '../../src/domain/sync/batchSize.ts';

describe('sizeAfter', () => {
  it('shrinks to a quarter when one is cut off, down to the smallest', () => {
    expect(sizeAfter(2000, 'cutOff', PULL_PAGE_SIZES)).toBe(500);
    expect(sizeAfter(500, 'cutOff', PULL_PAGE_SIZES)).toBe(125);
    expect(sizeAfter(125, 'cutOff', PULL_PAGE_SIZES)).toBe(50);
    expect(sizeAfter(50, 'cutOff', PULL_PAGE_SIZES)).toBe(50);
    expect(sizeAfter(200, 'cutOff', PUSH_BATCH_SIZES)).toBe(50);
    expect(sizeAfter(12, 'cutOff', PUSH_BATCH_SIZES)).toBe(10);
  });

  it('doubles when one gets through, up to the largest', () => {
    expect(sizeAfter(50, 'through', PULL_PAGE_SIZES)).toBe(100);
    expect(sizeAfter(1500, 'through', PULL_PAGE_SIZES)).toBe(2000);
    expect(sizeAfter(2000, 'through', PULL_PAGE_SIZES)).toBe(2000);
    expect(sizeAfter(150, 'through', PUSH_BATCH_SIZES)).toBe(200);
  });
});
