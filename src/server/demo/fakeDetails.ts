// Made-up contact details for demo records: phone numbers only from Ofcom's drama ranges, postcodes in
// an area that does not exist, emails at example.org. Kept apart so every generator draws from the same
// safe ranges.
import type { SeededRandom } from './random.ts';

const DAY_MS = 86_400_000;

/**
 * Dates counted back from `today` (YYYY-MM-DD). Cached by day: 100k records share a few hundred dates,
 * and formatting a Date each time was a noticeable share of a benchmark-sized run.
 */
export function daysBefore(today: string): (days: number) => string {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(todayMs)) {
    throw new Error(`today must be a date as YYYY-MM-DD, not "${today}"`);
  }
  const dates = new Map<number, string>();
  return (days) => {
    let date = dates.get(days);
    if (date === undefined) {
      date = new Date(todayMs - days * DAY_MS).toISOString().slice(0, 10);
      dates.set(days, date);
    }
    return date;
  };
}

/**
 * How many days ago a demo record was last verified, as a real quarterly review leaves them: about
 * nine in ten within the quarter (0–85 days), the rest stale (91–200 days), so "stale" means something.
 * One draw, as before, so the rest of the generated borough stays the same.
 */
export function verifiedDaysAgo(random: SeededRandom): number {
  const draw = random.int(0, 200);
  return draw <= 176 ? Math.floor((draw * 85) / 176) : 91 + Math.floor(((draw - 177) * 109) / 23);
}

/** A record is taken to have been last edited when it was last verified, during office hours. */
export function officeTimeOn(date: string, random: SeededRandom): string {
  return `${date}T${pad(random.int(8, 17), 2)}:${pad(random.int(0, 59), 2)}:00.000Z`;
}

/** Ofcom's drama range for mobiles: 07700 900000–900999. */
export function mobile(random: SeededRandom): string {
  return `07700 900${pad(random.int(0, 999), 3)}`;
}

/** Ofcom's drama range for landlines: 01632 960000–960999. */
export function landline(random: SeededRandom): string {
  return `01632 960${pad(random.int(0, 999), 3)}`;
}

/** Letters Royal Mail uses in the inward part of a postcode. */
const INWARD_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

/**
 * ZZ is no postal area (the NHS uses ZZ99 as a pseudo-postcode), so a demo address can never be a real
 * one. The district follows the ward (ZZ1 for the first ward…), as real postcode districts follow places.
 */
export function postcode(random: SeededRandom, district = 99): string {
  return `ZZ${district} ${random.int(1, 9)}${random.pick(INWARD_LETTERS)}${random.pick(INWARD_LETTERS)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** About a metre: plenty for a map pin, and it keeps the seeded JSON short. */
export function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** A name made safe for an email local part (no leading, trailing or doubled dots or dashes). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
