// The hybrid logical clock: stamps only move forward on a device, sort like the clock, and move past
// stamps seen from other devices.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc, parseHlc, receive, tick, type Hlc } from '../../src/domain/hlc.ts';

describe('hybrid logical clock', () => {
  it('round-trips through its string form', () => {
    const clock: Hlc = { ms: 1_763_856_000_123, counter: 42, node: 'phone-a' };
    expect(parseHlc(formatHlc(clock))).toEqual(clock);
  });

  it('moves forward even when the wall clock steps back', () => {
    const first = tick(null, 10_000, 'a');
    const second = tick(first, 5_000, 'a');
    expect(formatHlc(second) > formatHlc(first)).toBe(true);
    expect(second).toEqual({ ms: 10_000, counter: 1, node: 'a' });
  });

  it('sorts as strings in the same order as the clocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 0, max: 99_999 })), {
          minLength: 2,
        }),
        (pairs) => {
          const clocks = pairs.map(([ms, counter]) => ({ ms, counter, node: 'n' }));
          const byClock = [...clocks].sort((a, b) => a.ms - b.ms || a.counter - b.counter).map(formatHlc);
          const byString = clocks.map(formatHlc).sort();
          expect(byString).toEqual(byClock);
        },
      ),
    );
  });

  it('after receiving a stamp from another device, the next local stamp is later', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        (local, remote, now) => {
          const mine = tick(null, local, 'a');
          const theirs = tick(null, remote, 'b');
          const after = tick(receive(mine, theirs, now, 'a'), now, 'a');
          expect(formatHlc(after) > formatHlc(theirs)).toBe(true);
          expect(formatHlc(after) > formatHlc(mine)).toBe(true);
        },
      ),
    );
  });

  it('refuses text that is not a stamp', () => {
    expect(() => parseHlc('yesterday')).toThrow(/not a clock stamp/);
  });
});
