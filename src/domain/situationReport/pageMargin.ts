// Text for a printed page's margin (the protective marking, the time made), written into a CSS
// `@page` rule: the one place report text goes into a <style> element, outside React's escaping.

/**
 * A CSS string literal holding `text` and nothing else. CSS ends a string at a line break, which is
 * \r, \n and also \f (form feed): each becomes a space. Quotes, backslashes, `<` (so no `</style>`
 * ever appears in the element) and other control characters are written as CSS hex escapes.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\r\n\f]+/g, ' ')
    .replace(/[\\"<\p{Cc}]/gu, (char) => `\\${(char.codePointAt(0) ?? 0xfffd).toString(16)} `);
  return `"${escaped}"`;
}
