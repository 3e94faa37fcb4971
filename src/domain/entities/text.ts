// The text people read in a record: names, addresses, notes, the report marking. What is stored is
// what shows. Bidi overrides, embeddings and isolates are taken out (they make a name read as other
// text, in the app, in a CSV and in the audit trail), and so are control characters (a bell, an
// escape sequence); zero-width and other format characters are trimmed from either end with the
// spaces, so a name of nothing but them is blank and a required one is refused. Inside the text,
// format characters stay: a zero-width joiner holds an emoji together. Text with nothing that shows
// (combining accents alone, Hangul fillers, the blank braille pattern) is refused, so a "name" no one
// can read is not stored as if it had content.
import { z } from 'zod';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Spaces, line breaks and format characters (zero-width space, BOM, word joiner…) at either end. */
const EDGES = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;

/** Whether there is anything to clean: most text has nothing, and every pulled record is checked. */
const UNCLEAN = /[\p{Cc}\p{Cf}\u2028\u2029]|^\s|\s$/u;

/** One line: line breaks and tabs become one space. */
export function cleanLine(text: string): string {
  if (!UNCLEAN.test(text)) return text;
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(EDGES, '');
}

/** Several lines (a note, an address): line breaks kept as written (\r\n from a CSV file too), and
 *  tabs; other line separators become \n. */
export function cleanLines(text: string): string {
  if (!UNCLEAN.test(text)) return text;
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/[\v\f\u0085\u2028\u2029]/g, '\n')
    .replace(/[^\P{Cc}\r\n\t]/gu, '')
    .replace(EDGES, '');
}

/**
 * A letter, digit, punctuation mark or symbol that shows: not a combining mark alone, nor a code point
 * made to draw nothing (Hangul fillers, the blank braille pattern, tag and variation characters).
 */
const VISIBLE = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** What text of nothing but accents or invisible characters is told; empty text is left to .min. */
export const SHOWS_NOTHING = 'shows nothing: it holds only accents or invisible characters';

/** Whether the text has something a reader sees, or is empty (which a required field's .min refuses). */
export const showsSomething = (text: string): boolean => text === '' || VISIBLE.test(text);

/** A one-line text field: chain .min/.max as on z.string(). */
export const lineText = () => z.string().overwrite(cleanLine).refine(showsSomething, SHOWS_NOTHING);

/** A several-line text field (notes). */
export const linesText = () => z.string().overwrite(cleanLines).refine(showsSomething, SHOWS_NOTHING);
