// Weekly opening hours as people type them in a spreadsheet or a form: "Mon-Fri 09:00-17:00; Sat
// 10:00-13:00". One text format for the edit form, CSV import and CSV export, so what is exported
// re-imports as the same hours.
import type { OpeningHours } from './openingHours.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const TIME = /^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$/;

/** "mon", "Monday", "tues" → 0, 1 …; undefined when it is not a day. */
function dayNumber(word: string): number | undefined {
  const start = word.trim().toLowerCase().slice(0, 3);
  const index = DAYS.indexOf(start);
  return index === -1 ? undefined : index;
}

function time(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

export type HoursParse = { ok: true; hours: OpeningHours[] } | { ok: false; message: string };

const EXAMPLE = 'write them like "Mon-Fri 09:00-17:00; Sat 10:00-13:00"';

/** Parses hours text; an empty text is no regular hours. Slots come back sorted by day, then time. */
export function parseHoursText(text: string): HoursParse {
  const hours: OpeningHours[] = [];
  for (const part of text.split(/[;\n]/)) {
    const slot = part.trim();
    if (slot === '') continue;
    const match = /^([A-Za-z]+)(?:\s*[-–]\s*([A-Za-z]+))?\s+(\S+)\s*[-–]\s*(\S+)$/.exec(slot);
    if (!match) return { ok: false, message: `could not read "${slot}": ${EXAMPLE}` };
    const [, fromWord = '', toWord, opensText = '', closesText = ''] = match;
    const from = dayNumber(fromWord);
    const to = toWord === undefined ? from : dayNumber(toWord);
    if (from === undefined || to === undefined) {
      return { ok: false, message: `"${slot}" does not start with a day such as Mon or Mon-Fri` };
    }
    const opens = time(opensText);
    const closes = time(closesText);
    if (!opens || !closes) {
      return { ok: false, message: `"${slot}" needs times as HH:MM, such as 09:00-17:00` };
    }
    if (opens === closes) return { ok: false, message: `"${slot}" opens and closes at the same time` };
    // Mon-Fri, or a range across the weekend such as Fri-Mon.
    for (let day = from; ; day = (day + 1) % 7) {
      hours.push({ day, opens, closes });
      if (day === to) break;
    }
  }
  return { ok: true, hours: sortHours(hours) };
}

export function sortHours(hours: readonly OpeningHours[]): OpeningHours[] {
  return [...hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));
}

/** The text form: consecutive days with the same times are joined ("Mon-Fri 09:00-17:00"). */
export function formatHoursText(hours: readonly OpeningHours[]): string {
  const sorted = sortHours(hours);
  const parts: string[] = [];
  const used = new Set<number>();
  sorted.forEach((slot, index) => {
    if (used.has(index)) return;
    used.add(index);
    let last = slot.day;
    // extend over the following days that have a slot with the same times
    for (;;) {
      const next = sorted.findIndex(
        (other, at) =>
          !used.has(at) &&
          other.day === last + 1 &&
          other.opens === slot.opens &&
          other.closes === slot.closes,
      );
      if (next === -1) break;
      used.add(next);
      last = sorted[next]!.day;
    }
    const days = last === slot.day ? DAY_LABELS[slot.day] : `${DAY_LABELS[slot.day]}-${DAY_LABELS[last]}`;
    parts.push(`${days} ${slot.opens}-${slot.closes}`);
  });
  return parts.join('; ');
}
