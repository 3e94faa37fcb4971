// Typed text inside a sentence is marked as an isolated run (Unicode's FSI … PDI), which the screens
// draw as <bdi>; a file for another program gets the sentence without the marks.
import { describe, expect, it } from 'vitest';
import { isolated, isolatedParts, isolatingNames, withoutIsolates } from '../../src/domain/words/isolated.ts';

describe('isolated typed text', () => {
  it('splits a sentence into its words and its isolated names, in order', () => {
    const sentence = `above ${isolated('مطبخ الحي')}: covers ${isolated('דנה')} 2 ward`;
    expect(isolatedParts(sentence)).toEqual([
      { text: 'above ', isolated: false },
      { text: 'مطبخ الحي', isolated: true },
      { text: ': covers ', isolated: false },
      { text: 'דנה', isolated: true },
      { text: ' 2 ward', isolated: false },
    ]);
    expect(withoutIsolates(sentence)).toBe('above مطبخ الحي: covers דנה 2 ward');
  });

  it('marks the names a sentence stored whole holds, the longer name first where one holds another', () => {
    const names = ['مطبخ', 'مطبخ الحي', ''];
    expect(isolatingNames('Assigned to مطبخ الحي (2)', names)).toBe(
      `Assigned to ${isolated('مطبخ الحي')} (2)`,
    );
    expect(isolatingNames('Assigned to A+B (1)', ['A+B'])).toBe(`Assigned to ${isolated('A+B')} (1)`);
    expect(isolatingNames('Logged the request', [])).toBe('Logged the request');
  });

  it('keeps a sentence with no marks whole, and an empty name as an empty run', () => {
    expect(isolatedParts('Logged the request')).toEqual([{ text: 'Logged the request', isolated: false }]);
    expect(isolatedParts(isolated(''))).toEqual([{ text: '', isolated: true }]);
  });
});
