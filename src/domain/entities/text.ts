// The text people read in a record: names, addresses, notes, the report marking. What is stored is
// what shows. Bidi overrides, embeddings and isolates are taken out (they make a name read as other
// text, in the app, in a CSV and in the audit trail), and so are control characters (a bell, an
// escape sequence); zero-width and other format characters are trimmed from either end with the
// spaces, so a name of nothing but them is blank and a required one is refused. Inside the text,
// format characters stay: a zero-width joiner holds an emoji together.
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

/** A one-line text field: chain .min/.max as on z.string(). */
export const lineText = () => z.string().overwrite(cleanLine);

/** A several-line text field (notes). */
export const linesText = () => z.string().overwrite(cleanLines);
