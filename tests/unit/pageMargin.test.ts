// The marking and the time go into a printed page's margin through a CSS string in a <style> element,
// outside React's escaping: whatever the text (quotes, backslashes, CSS's line breaks \n \r \f, `}`,
// `</style>`, any Unicode), it stays one CSS string with the same text and never ends the rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssString } from '../../src/domain/situationReport/pageMargin.ts';

/** Reads a CSS string token back as CSS Syntax §4.3.5 does; fails where the token would end early
 *  (a raw quote) or turn bad (a raw \n, \r or \f, or a backslash before one). */
function readCssString(token: string): string {
  expect(token[0]).toBe('"');
  let text = '';
  let at = 1;
  while (at < token.length) {
    const char = token[at]!;
    if (char === '"') break;
    expect(char).not.toMatch(/[\n\r\f]/);
    if (char === '\\') {
      const hex = /^[0-9a-fA-F]{1,6} ?/.exec(token.slice(at + 1));
      if (hex) {
        text += String.fromCodePoint(parseInt(hex[0].trim(), 16));
        at += 1 + hex[0].length;
        continue;
      }
      expect(token[at + 1] ?? '\n').not.toMatch(/[\n\r\f]/);
      text += token[at + 1];
      at += 2;
      continue;
    }
    text += char;
    at += 1;
  }
  expect(at).toBe(token.length - 1); // the closing quote is the last character
  return text;
}

describe('a CSS string for the page margin', () => {
  it.each([
    'OFFICIAL-SENSITIVE',
    'A "quoted" \\ back',
    'form\ffeed"; } } body { display: none } @page { x: "',
    'line\nbreak\r\nand\rreturn',
    '</style><script>alert(1)</script>',
    'RTL \u202E override, zero\u200Bwidth, emoji 🚨',
    'cafe 1',
  ])('keeps %j as one string with the same text', (text) => {
    expect(readCssString(cssString(text))).toBe(text.replace(/[\r\n\f]+/g, ' '));
  });

  it('keeps any text as one string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const clean = text.replace(/\0/g, '').replace(/[\uD800-\uDFFF]/g, '');
        expect(readCssString(cssString(clean))).toBe(clean.replace(/[\r\n\f]+/g, ' '));
      }),
    );
  });
});
