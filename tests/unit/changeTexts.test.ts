// The change texts a server process holds (src/server/sync/changeTexts.ts): offered in the log's
// order after a cursor, as many as asked for; the oldest go first when full, a text used since its last
// turn getting a second chance; and a page's
// marked changes are made whole from them.
import { describe, expect, it } from 'vitest';
import { ChangeTexts, fillInChanges, NO_HELD_TEXTS } from '../../src/server/sync/changeTexts.ts';

const marked = (position: string, text: string) => `\u0001${position}\u0002${text}\u0003`;

describe('change texts held', () => {
  it("offers the texts after a cursor in the log's order (transaction, then row), as many as asked", () => {
    const texts = new ChangeTexts(1024 * 1024);
    // Kept out of order, as pages of different readers bring them.
    for (const position of ['12.7', '10.9', '11.3', '10.2', '12.1'])
      texts.keep(position, `{"at":"${position}"}`);
    expect(texts.heldAfter('0.0', 10).seqs).toEqual(['2', '9', '3', '1', '7']);
    expect(texts.heldAfter('10.9', 10).seqs).toEqual(['3', '1', '7']);
    expect(texts.heldAfter('11.0', 2).seqs).toEqual(['3', '1']);
    expect(texts.heldAfter('12.7', 10).seqs).toEqual([]);
    // Later ones: at the end of the log (added there), and one from a transaction that began earlier.
    texts.keep('13.20', '{}');
    expect(texts.heldAfter('11.3', 10).seqs).toEqual(['1', '7', '20']);
    texts.keep('11.15', '{}');
    expect(texts.heldAfter('11.3', 10).seqs).toEqual(['15', '1', '7', '20']);
  });

  it('lets the oldest go first when full, and gives a text used since a second chance', () => {
    const text = 'x'.repeat(100);
    const texts = new ChangeTexts(3 * (100 + 64));
    texts.keep('1.1', text);
    texts.keep('1.2', text);
    texts.keep('1.3', text);
    texts.used('1');
    texts.keep('1.4', text);
    expect(texts.heldAfter('0.0', 10).seqs).toEqual(['1', '3', '4']);
    expect(texts.size).toEqual({ texts: 3, bytes: 3 * 164 });
    expect(texts.counts).toEqual({ written: 4, held: 1 });
    // Its second chance was once: unused since, it goes when its turn comes round again.
    texts.keep('1.5', text);
    expect(texts.heldAfter('0.0', 10).seqs).toEqual(['1', '4', '5']);
    texts.keep('1.6', text);
    expect(texts.heldAfter('0.0', 10).seqs).toEqual(['1', '5', '6']);
    texts.keep('1.7', text);
    expect(texts.heldAfter('0.0', 10).seqs).toEqual(['5', '6', '7']);
  });

  it('makes a marked page whole: held texts put in, new ones kept, tombstones as they came', () => {
    const texts = new ChangeTexts(1024 * 1024);
    texts.keep('5.1', '{"entity":"partner","id":"a"}');
    const held = texts.heldAfter('0.0', 10);
    const tombstone = '{"entity":"request","id":"b","deleted":true}';
    const page = [marked('5.1', ''), tombstone, marked('6.4', '{"entity":"partner","id":"c"}')].join(',');
    expect(fillInChanges(page, held, texts)).toBe(
      `{"entity":"partner","id":"a"},${tombstone},{"entity":"partner","id":"c"}`,
    );
    expect(texts.heldAfter('5.1', 10).seqs).toEqual(['4']);
    expect(() => fillInChanges(marked('7.9', ''), NO_HELD_TEXTS, texts)).toThrow(/not held/);
  });
});
