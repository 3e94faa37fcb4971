// Is a partner available at a given moment? Opening hours are local UK time (Europe/London), so the
// moment is converted once per query, not once per partner. Hours that close before they open run
// past midnight (e.g. 20:00–02:00).
import { outOfHoursPhoneFor, type Partner } from '../entities/partner.ts';
import type { OpeningHours } from './openingHours.ts';

/** A moment as the weekday (Monday = 0) and minutes since midnight in the UK. */
export interface LocalMoment {
  day: number;
  minutes: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ukClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function ukMoment(at: Date): LocalMoment {
  const parts = Object.fromEntries(ukClock.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    day: WEEKDAYS.indexOf(parts.weekday ?? 'Mon'),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The slot open at this moment, if any (including a slot from the day before that runs past midnight). */
export function openSlot(hours: readonly OpeningHours[], moment: LocalMoment): OpeningHours | undefined {
  return hours.find((slot) => {
    const opens = toMinutes(slot.opens);
    const closes = toMinutes(slot.closes);
    if (opens < closes) return slot.day === moment.day && moment.minutes >= opens && moment.minutes < closes;
    // past midnight: open from `opens` on its day until `closes` the next day
    const nextDay = (slot.day + 1) % 7;
    return (
      (slot.day === moment.day && moment.minutes >= opens) ||
      (nextDay === moment.day && moment.minutes < closes)
    );
  });
}

export type AvailabilityNow =
  { kind: 'always' } | { kind: 'open'; until: string } | { kind: 'closed'; outOfHoursPhone: string | null };

export function availabilityAt(partner: Partner, moment: LocalMoment): AvailabilityNow {
  if (partner.availability.always) return { kind: 'always' };
  const slot = openSlot(partner.availability.hours, moment);
  if (slot) return { kind: 'open', until: slot.closes };
  return { kind: 'closed', outOfHoursPhone: outOfHoursPhoneFor(partner) };
}

const WEEK_MINUTES = 7 * 24 * 60;

/**
 * Opening hours as intervals of minutes from Monday 00:00, [opens, closes). Best placed builds these
 * once per partner, so asking "open now?" of thousands of partners compares numbers, not text.
 */
export function weeklyIntervals(hours: readonly OpeningHours[]): [number, number][] {
  const intervals: [number, number][] = [];
  for (const slot of hours) {
    const start = slot.day * 1440 + toMinutes(slot.opens);
    let end = slot.day * 1440 + toMinutes(slot.closes);
    if (end <= start) end += 1440; // runs past midnight
    if (end <= WEEK_MINUTES) intervals.push([start, end]);
    else intervals.push([start, WEEK_MINUTES], [0, end - WEEK_MINUTES]); // Sunday night into Monday
  }
  return intervals;
}

export function openDuring(intervals: readonly [number, number][], moment: LocalMoment): boolean {
  const minute = moment.day * 1440 + moment.minutes;
  for (const [start, end] of intervals) if (minute >= start && minute < end) return true;
  return false;
}
