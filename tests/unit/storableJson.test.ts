// The storable-JSON guard: NUL characters, lone or reversed surrogates (in values and in keys) and
// very deep nesting are found and named by their field path; ordinary text, emoji included, passes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findUnstorableJson, MAX_JSON_DEPTH } from '../../src/domain/storableJson.ts';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = { inner: value };
  return value;
}

describe('findUnstorableJson', () => {
  it('passes ordinary records, emoji and accents included', () => {
    expect(findUnstorableJson({ name: 'Café 🚒 Marden', phones: ['07700 900123'], n: 3, ok: null })).toBe(
      null,
    );
  });

  it('names the field holding a NUL', () => {
    expect(findUnstorableJson({ mutations: [{ changes: { name: 'a\u0000b' } }] })).toEqual({
      path: 'mutations.0.changes.name',
      problem: expect.stringContaining('NUL') as string,
    });
  });

  it('finds a lone high surrogate, a lone low one and a reversed pair', () => {
    for (const broken of ['x\ud800', '\udc00y', '\udc00\ud800'])
      expect(findUnstorableJson({ username: broken })?.path).toBe('username');
    expect(findUnstorableJson({ username: '\ud83d\ude92' })).toBe(null);
  });

  it('checks keys as well as values, and shows the broken key escaped', () => {
    const spot = findUnstorableJson({ changes: { ['bad\u0000key']: 1 } });
    expect(spot?.path).toBe('changes.bad\\u0000key');
    expect(spot?.problem).toMatch(/^its name/);
  });

  it('refuses nesting deeper than the limit without overflowing, 100 000 deep', () => {
    expect(findUnstorableJson(nested(MAX_JSON_DEPTH - 1))).toBe(null);
    const spot = findUnstorableJson({ field: nested(100_000) });
    expect(spot?.path.startsWith('field.inner.inner')).toBe(true);
    expect(spot?.problem).toMatch(/deep/);
    const lists = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown;
    expect(findUnstorableJson(lists)?.problem).toMatch(/deep/);
  });

  it('flags exactly the values that contain a NUL or a lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const broken = text.includes('\u0000') || !text.isWellFormed();
        expect(findUnstorableJson({ text }) !== null).toBe(broken);
      }),
      { numRuns: 500 },
    );
  });
});
