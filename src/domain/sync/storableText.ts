// Whether a value sent by a client can be stored as JSON text in PostgreSQL: no NUL characters, no
// lone or reversed UTF-16 surrogates (jsonb refuses both), and nesting no deeper than any record of
// ours needs. Checked without recursion, so a value nested thousands deep cannot overflow the stack.
export const MAX_NESTING = 16;

export interface TextProblem {
  path: (string | number)[];
  message: string;
}

/** A high surrogate not followed by a low one, or a low one not after a high one. */
function hasLoneSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
    else return true;
  }
  return false;
}

function stringProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  if (hasLoneSurrogate(text)) return 'must be well-formed text (it holds a broken character)';
  return null;
}

export function findUnstorableText(value: unknown, maxDepth = MAX_NESTING): TextProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const message = stringProblem(current);
      if (message) return { path, message };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth) return { path, message: `is nested more than ${maxDepth} levels deep` };
    if (Array.isArray(current)) {
      current.forEach((inner, index) => stack.push({ value: inner, path: [...path, index] }));
      continue;
    }
    for (const [key, inner] of Object.entries(current)) {
      const message = stringProblem(key);
      if (message) return { path, message: `has a field name that ${message}` };
      stack.push({ value: inner, path: [...path, key] });
    }
  }
  return null;
}
