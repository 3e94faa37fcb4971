// The hybrid logical clock: stamps only move forward on a device, sort like the clock, and move past
// stamps seen from other devices.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatHlc,
  MAX_CLOCK_AHEAD_MS,
  parseHlc,
  receive,
  tick,
  type Hlc,
} from '../../src/domain/sync/hlc.ts';

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
    // Clocks that are right to within the allowed drift: anything earlier, up to a day ahead.
    const NOW = 1e12;
    const stampTime = fc.integer({ min: 0, max: NOW + MAX_CLOCK_AHEAD_MS });
    fc.assert(
      fc.property(
        stampTime,
        stampTime,
        fc.integer({ min: 0, max: MAX_CLOCK_AHEAD_MS }),
        (local, remote, drift) => {
          const now = NOW + drift;
          const mine = tick(null, local, 'a');
          const theirs = tick(null, remote, 'b');
          const after = tick(receive(mine, theirs, now, 'a'), now, 'a');
          expect(formatHlc(after) > formatHlc(theirs)).toBe(true);
          expect(formatHlc(after) > formatHlc(mine)).toBe(true);
        },
      ),
    );
  });

  it('starts afresh once a clock left far ahead by a wrong device time is corrected', () => {
    const wrongTime = tick(null, 1_000_000_000_000 + 3 * 86_400_000, 'a');
    const corrected = tick(wrongTime, 1_000_000_000_000, 'a');
    expect(corrected).toEqual({ ms: 1_000_000_000_000, counter: 0, node: 'a' });
    // but a clock only slightly ahead (another device's stamp seen) still only moves forward
    const slightlyAhead = tick(null, 1_000_000_000_000 + 60_000, 'a');
    expect(tick(slightlyAhead, 1_000_000_000_000, 'a').ms).toBe(1_000_000_000_000 + 60_000);
  });

  it('refuses text that is not a stamp', () => {
    expect(() => parseHlc('yesterday')).toThrow(/not a clock stamp/);
  });
});
