// Finds a name given twice in one JSON object ({"name":"A","name":"B"}). JSON.parse keeps the last
// and says nothing, while a proxy, a log or another parser in between may read the first: which one
// the sender meant is not for us to guess (RFC 8259 leaves it to the reader), so a body holding one
// is refused, naming it. Names count as one when they decode to one ("a" and "\u0061"). A scan of
// the text, without recursion (a body nested thousands deep is refused later, naming its depth),
// run only on text JSON.parse has already read, so it need not check the grammar itself.

type Frame = { keys: Set<string>; key: string | null } | { index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, COMMA] = [0x7b, 0x7d, 0x5b, 0x5d, 0x2c];

/** The index just past the string that starts at `start` (an opening quote). */
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    // A quote after an odd number of backslashes is escaped: part of the string.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/** Whether the next character after `index` that is not JSON whitespace is a colon. */
function colonFollows(text: string, index: number): boolean {
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === COLON) return true;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
    index += 1;
  }
  return false;
}

function pathOf(stack: readonly Frame[]): (string | number)[] {
  return stack.map((frame) => ('keys' in frame ? (frame.key ?? '') : frame.index));
}

/**
 * The path of the first name given twice in one object of `json` (valid JSON text), e.g.
 * ['place', 'name']; null when every object names each of its fields once.
 */
export function findDuplicateKey(json: string): (string | number)[] | null {
  const stack: Frame[] = [];
  for (let index = 0; index < json.length;) {
    const code = json.charCodeAt(index);
    if (code === QUOTE) {
      const end = endOfString(json, index);
      const top = stack.at(-1);
      if (top && 'keys' in top && colonFollows(json, end)) {
        const raw = json.slice(index + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(json.slice(index, end)) as string) : raw;
        if (top.keys.has(key)) {
          top.key = key;
          return pathOf(stack);
        }
        top.keys.add(key);
        top.key = key;
      }
      index = end;
      continue;
    }
    if (code === OPEN_OBJECT) stack.push({ keys: new Set(), key: null });
    else if (code === OPEN_ARRAY) stack.push({ index: 0 });
    else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) stack.pop();
    else if (code === COMMA) {
      const top = stack.at(-1);
      if (top && 'index' in top) top.index += 1;
    }
    index += 1;
  }
  return null;
}
