// ORUK schedules (iCalendar-style rules) to and from our weekly opening hours. We hold "open on these
// weekdays from HH:MM to HH:MM" and "always open"; a weekly rule with days and times maps exactly.
// Anything a week cannot hold (monthly rules, every other week, a day of the month, dates it is valid
// between) is named in the notes, never dropped without a word.
import type { Partner } from '../entities/partner.ts';
import type { OpeningHours } from '../ranking/openingHours.ts';
import { stableId } from './stableId.ts';
import type { OrukSchedule } from './orukSchemas.ts';

const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const ALWAYS_DESCRIPTION = 'Open 24 hours, every day';

/** "10:00:00", "10:00", "9:00" or "10:00:00Z" as "10:00"; null when it is not a time. */
function timeOf(raw: string | null | undefined): string | null {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(raw?.trim() ?? '');
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  // 24:00 is midnight at the end of the day, which our hours write as 00:00 (closing past midnight)
  return `${String(hours % 24).padStart(2, '0')}:${match[2]}`;
}

export interface HoursFromSchedules {
  always: boolean;
  hours: OpeningHours[];
  /** What the schedules said that opening hours cannot hold. */
  notes: string[];
}

export function hoursFromSchedules(schedules: readonly OrukSchedule[]): HoursFromSchedules {
  const hours: OpeningHours[] = [];
  const notes: string[] = [];
  let always = false;
  schedules.forEach((schedule, index) => {
    const name = `schedule ${index + 1}${schedule.description ? ` ("${schedule.description.slice(0, 60)}")` : ''}`;
    const freq = schedule.freq?.toUpperCase() ?? 'WEEKLY';
    if (freq !== 'WEEKLY') {
      notes.push(`${name} repeats ${freq.toLowerCase()}, which weekly opening hours cannot hold: not kept`);
      return;
    }
    if ((schedule.interval ?? 1) !== 1)
      notes.push(`${name} repeats every ${schedule.interval} weeks: kept as every week`);
    if (schedule.bymonthday)
      notes.push(`${name} bymonthday (days of the month ${schedule.bymonthday}): not kept`);
    if (schedule.valid_from || schedule.valid_to)
      notes.push(
        `${name} is valid ${schedule.valid_from ?? '…'} to ${schedule.valid_to ?? '…'}: kept as regular hours`,
      );
    const days = (schedule.byday ?? '')
      .split(',')
      .map((day) => ICAL_DAYS.indexOf(day.trim().slice(-2).toUpperCase()))
      .filter((day) => day >= 0);
    const opens = timeOf(schedule.opens_at);
    const closes = timeOf(schedule.closes_at);
    if (days.length === 0 || opens === null || closes === null) {
      notes.push(`${name} has no weekdays with opening and closing times: not kept`);
      return;
    }
    if (days.length === 7 && opens === '00:00' && (closes === '00:00' || closes === '23:59')) {
      always = true;
      return;
    }
    for (const day of days) hours.push({ day, opens, closes });
  });
  const unique = new Map(hours.map((slot) => [`${slot.day}|${slot.opens}|${slot.closes}`, slot]));
  return {
    always,
    hours: [...unique.values()].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens)),
    notes,
  };
}

/** Our hours as ORUK schedules: one weekly rule per distinct opening time, naming its days. */
export function schedulesFromHours(partner: Pick<Partner, 'id' | 'availability'>): Record<string, unknown>[] {
  const schedules: Record<string, unknown>[] = [];
  if (partner.availability.always)
    schedules.push({
      id: stableId(`${partner.id}/schedule/always`),
      freq: 'WEEKLY',
      interval: 1,
      byday: ICAL_DAYS.join(','),
      opens_at: '00:00',
      closes_at: '23:59',
      description: ALWAYS_DESCRIPTION,
    });
  const daysByTimes = new Map<string, number[]>();
  for (const slot of partner.availability.hours) {
    const key = `${slot.opens}-${slot.closes}`;
    daysByTimes.set(key, [...(daysByTimes.get(key) ?? []), slot.day]);
  }
  for (const [key, days] of [...daysByTimes].sort(([a], [b]) => a.localeCompare(b))) {
    const [opens, closes] = key.split('-');
    schedules.push({
      id: stableId(`${partner.id}/schedule/${key}`),
      freq: 'WEEKLY',
      interval: 1,
      byday: [...new Set(days)]
        .sort()
        .map((day) => ICAL_DAYS[day])
        .join(','),
      opens_at: opens,
      closes_at: closes,
    });
  }
  return schedules;
}
