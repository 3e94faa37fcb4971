// Whether a parsed JSON value can be stored and read back as it was sent. PostgreSQL refuses a NUL
// character in text and jsonb, and a lone (or reversed) UTF-16 surrogate is not text at all: either
// would fail deep in storage. Very deep nesting overflows the stack of whatever walks it next
// (schemas, merging, JSON.stringify). This finds the first such spot and names it, so the server can
// refuse it as bad input. It walks with its own stack, so depth cannot overflow it.

/** Deeper than any record we keep (a partner with coverage and opening hours is under 8). */
export const MAX_JSON_DEPTH = 32;

export interface UnstorableSpot {
  /** Where, as a field path like `mutations.3.changes.name` (`(body)` for the value itself). */
  path: string;
  problem: string;
}

const SHOWN_SEGMENTS = 8;

function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(body)';
  const shown = path.slice(0, SHOWN_SEGMENTS).map((segment) => visible(String(segment)));
  return path.length > SHOWN_SEGMENTS ? `${shown.join('.')}.…` : shown.join('.');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/** A key made printable for an error message: NULs and lone surrogates shown as escapes. */
function visible(text: string): string {
  return text
    .replaceAll('\u0000', '\\u0000')
    .replace(LONE_SURROGATE, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}

export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (HAS_LONE_SURROGATE.test(text))
    return 'contains a broken character (an unpaired UTF-16 surrogate); please retype it';
  return null;
}

export function findUnstorableJson(value: unknown, maxDepth = MAX_JSON_DEPTH): UnstorableSpot | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path: describePath(path), problem };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth)
      return {
        path: describePath(path),
        problem: `nests lists or objects more than ${maxDepth} deep`,
      };
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push({ value: current[index], path: [...path, index] });
      continue;
    }
    const entries = Object.entries(current as Record<string, unknown>);
    for (const [key] of entries) {
      const problem = textProblem(key);
      if (problem) return { path: describePath([...path, key]), problem: `its name ${problem}` };
    }
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index]!;
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
