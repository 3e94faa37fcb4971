// Counts in words: one, many, and words whose plural is not just an added s.
import { describe, expect, it } from 'vitest';
import { counted } from '../../src/domain/words/counted.ts';

describe('counted', () => {
  it('says one and many as a person would', () => {
    expect(counted(1, 'minute')).toBe('1 minute');
    expect(counted(0, 'minute')).toBe('0 minutes');
    expect(counted(15, 'minute')).toBe('15 minutes');
    expect(counted(2, 'parish', 'parishes')).toBe('2 parishes');
    expect(counted(1, 'parish', 'parishes')).toBe('1 parish');
  });
});
