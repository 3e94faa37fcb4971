// Taxonomy terms as matched: letters of every script are kept (only a-z and 0-9 were, so every term
// written in another script, or in punctuation, was one term ""), an admin's mapping with nothing to
// match by is refused and never applied to a feed's term, and a term mapped anew replaces its old
// mapping in the list the app saves.
import { describe, expect, it } from 'vitest';
import {
  meaningOf,
  termKey,
  termMappingsSchema,
  withTermMappings,
} from '../../src/domain/openReferral/termMapping.ts';

describe('a term as matched', () => {
  it('ignores case, spacing, punctuation and how an accent is written', () => {
    expect(termKey('  Food-Banks!! ')).toBe('food banks');
    expect(termKey('Cafe\u0301')).toBe(termKey('Café'));
  });

  it('keeps the letters of other scripts, so different terms stay different', () => {
    expect(termKey('食物')).toBe('食物');
    expect(termKey('食物')).not.toBe(termKey('住所'));
    expect(termKey('भोजन')).toBe('भोजन');
  });
});

describe('saving mappings', () => {
  it('refuses a term with nothing to match by, naming it', () => {
    const result = termMappingsSchema.safeParse({ mappings: [{ term: '!!!', capability: 'food' }] });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['mappings', 0, 'term']]);
  });

  it('takes one term twice with one meaning', () => {
    const mappings = [
      { term: 'Food bank', capability: 'food' },
      { term: 'food  bank', capability: 'food' },
    ];
    expect(termMappingsSchema.safeParse({ mappings }).success).toBe(true);
  });

  it('puts a term mapped anew in the place of its old mapping', () => {
    expect(
      withTermMappings(
        [
          { term: 'Chess', capability: null },
          { term: 'Foodbank', capability: 'food' },
        ],
        [
          { term: 'foodbank', capability: null },
          { term: 'Sandbags', capability: 'sandbags' },
        ],
      ),
    ).toEqual([
      { term: 'Chess', capability: null },
      { term: 'foodbank', capability: null },
      { term: 'Sandbags', capability: 'sandbags' },
    ]);
  });
});

describe("a feed's term", () => {
  it('is not given the meaning of a mapping that matches nothing', () => {
    const stored = [{ term: '???', capability: 'food' as const }];
    expect(meaningOf({ id: 't1', name: '食物' }, stored)).toEqual({ kind: 'none', how: 'unknown' });
  });
});
