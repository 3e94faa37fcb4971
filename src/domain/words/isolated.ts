// Text people typed (a partner's name in Arabic beside English words) set apart inside a sentence, so
// the punctuation and numbers around it keep their order: Unicode's first-strong isolate marks, the
// plain-text form of HTML's <bdi>. The screens draw each marked part as a <bdi> (components/Sentence);
// a file for another program (CSV) may drop the marks (withoutIsolates). Stored text has such marks
// taken out (entities/text.ts), so a sentence stored whole is marked where it is shown (isolatingNames).
export const FIRST_STRONG_ISOLATE = '\u2068';
export const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** `text` marked as one isolated run inside a sentence. */
export function isolated(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`;
}

/**
 * A sentence stored whole ("Assigned to <partner>") with each of `names` in it marked isolated: for
 * text that was written before it could be marked, or that is stored where marks are taken out.
 */
export function isolatingNames(sentence: string, names: readonly string[]): string {
  const wanted = [...new Set(names.filter((name) => name.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return sentence;
  const escaped = wanted.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return sentence.replace(new RegExp(escaped.join('|'), 'g'), (name) => isolated(name));
}

/** The sentence in parts, each marked run flagged: what the screens draw as text and <bdi>. */
export function isolatedParts(sentence: string): { text: string; isolated: boolean }[] {
  const parts: { text: string; isolated: boolean }[] = [];
  const pattern = new RegExp(
    `${FIRST_STRONG_ISOLATE}([^${POP_DIRECTIONAL_ISOLATE}]*)${POP_DIRECTIONAL_ISOLATE}`,
    'g',
  );
  let from = 0;
  for (const match of sentence.matchAll(pattern)) {
    if (match.index > from) parts.push({ text: sentence.slice(from, match.index), isolated: false });
    parts.push({ text: match[1] ?? '', isolated: true });
    from = match.index + match[0].length;
  }
  if (from < sentence.length) parts.push({ text: sentence.slice(from), isolated: false });
  return parts;
}

/** The sentence without its marks, for a file another program reads. */
export function withoutIsolates(sentence: string): string {
  return sentence.replace(/[\u2068\u2069]/g, '');
}
