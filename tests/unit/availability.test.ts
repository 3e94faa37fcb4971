// Opening hours: the fast minutes-of-the-week form best placed uses must agree with the plain reading
// of the hours (including slots that run past midnight, and Sunday night into Monday).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDuring, openSlot, ukMoment, weeklyIntervals } from '../../src/domain/ranking/availability.ts';

const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const slot = fc.record({ day: fc.integer({ min: 0, max: 6 }), opens: time, closes: time });

describe('opening hours', () => {
  it('the minutes-of-the-week form agrees with reading the slots', () => {
    fc.assert(
      fc.property(
        fc.array(slot, { maxLength: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 1439 }),
        (hours, day, minutes) => {
          const moment = { day, minutes };
          expect(openDuring(weeklyIntervals(hours), moment)).toBe(openSlot(hours, moment) !== undefined);
        },
      ),
    );
  });

  it('a Sunday-night shelter is open early on Monday', () => {
    const hours = [{ day: 6, opens: '20:00', closes: '02:00' }];
    expect(openDuring(weeklyIntervals(hours), { day: 0, minutes: 60 })).toBe(true);
    expect(openDuring(weeklyIntervals(hours), { day: 0, minutes: 180 })).toBe(false);
  });

  it('reads the time in the UK, summer time included', () => {
    // 23:30 UTC on Sunday 28 June 2026 is 00:30 on Monday in London (BST)
    expect(ukMoment(new Date('2026-06-28T23:30:00Z'))).toEqual({ day: 0, minutes: 30 });
    // and in winter UTC is London time
    expect(ukMoment(new Date('2026-11-23T10:00:00Z'))).toEqual({ day: 0, minutes: 600 });
  });
});
