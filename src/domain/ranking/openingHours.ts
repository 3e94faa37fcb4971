// Weekly opening hours: whether a partner is open at a moment, and the hours in words.
// Days are numbered from Monday = 0, as in the partner schema; times are local (Europe/London).
import type { z } from 'zod';
import type { openingHoursSchema } from '../entities/partner.ts';

export type OpeningHours = z.infer<typeof openingHoursSchema>;

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function describeHours(hours: readonly OpeningHours[]): string {
  if (hours.length === 0) return 'No regular hours';
  return [...hours]
    .sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens))
    .map((slot) => `${DAY_NAMES[slot.day]} ${slot.opens}–${slot.closes}`)
    .join(', ');
}
