// The storable-text guard every JSON body and query passes (and each pushed mutation's changes): NUL
// characters, lone or reversed surrogates, in values and in keys, and very deep nesting are found and
// placed by their path without overflowing the stack; ordinary text, emoji included, passes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findUnstorableText, MAX_NESTING } from '../../src/domain/sync/storableText.ts';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = { inner: value };
  return value;
}

describe('findUnstorableText', () => {
  it('passes ordinary records, emoji and accents included', () => {
    expect(findUnstorableText({ name: 'Café 🚒 Marden', phones: ['07700 900123'], n: 3, ok: null })).toBe(
      null,
    );
  });

  it('places a NUL by its path', () => {
    expect(findUnstorableText({ mutations: [{ changes: { name: 'a\u0000b' } }] })?.path).toEqual([
      'mutations',
      0,
      'changes',
      'name',
    ]);
  });

  it('finds a lone high surrogate, a lone low one and a reversed pair, and passes a real pair', () => {
    for (const broken of ['x\ud800', '\udc00y', '\udc00\ud800', 'ok\ud83d'])
      expect(findUnstorableText({ username: broken })?.path).toEqual(['username']);
    expect(findUnstorableText({ username: '\ud83d\ude92' })).toBe(null);
  });

  it('checks keys as well as values', () => {
    expect(findUnstorableText({ changes: { ['bad\u0000key']: 1 } })?.message).toMatch(/field name/);
  });

  it('refuses nesting deeper than the limit without overflowing, 100 000 deep', () => {
    expect(findUnstorableText(nested(MAX_NESTING - 1))).toBe(null);
    expect(findUnstorableText({ field: nested(100_000) })?.message).toMatch(/deep/);
    const lists = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown;
    expect(findUnstorableText(lists)?.message).toMatch(/deep/);
  });

  it('flags exactly the strings that hold a NUL or a lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        const broken = text.includes('\u0000') || !text.isWellFormed();
        expect(findUnstorableText({ text }) !== null).toBe(broken);
      }),
      { numRuns: 150 },
    );
  });
});
