// Small value schemas shared by every entity: ids made on the client, dates, UK phone numbers.
import { z } from 'zod';

/**
 * Ids are made where the record is created (often offline), so they are UUIDs, never server serials.
 * In lower case only, as crypto.randomUUID() writes them and PostgreSQL reads them back: PostgreSQL's
 * uuid type takes "ABC…" and "abc…" as one id, so a second spelling of an id would name a record the
 * server did not know it held, and a push could overwrite another parish's record by upper-casing its id.
 */
export const idSchema = z.uuid('must be a UUID').regex(/^[^A-F]*$/, 'must be a UUID in lower case');

export const isoDateSchema = z.iso.date('must be a date as YYYY-MM-DD');
/** The form toISOString() writes: what nearly every stored time already is, so it is left as it is. */
const UTC_MILLISECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * A time with an offset ("…T12:00:00+05:00") or another precision, written as UTC to the millisecond.
 * Times are compared and sorted as text (an incident "cannot end before it starts", newest first), which
 * is only right when they are all written alike: "12:00+05:00" is 07:00 UTC, before a 10:00Z start.
 * Text that is not a time is left for the format check to refuse, and so is a time whose UTC form would
 * leave the years 0000-9999.
 */
function inUtc(text: string): string {
  if (UTC_MILLISECONDS.test(text)) return text;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return text;
  const utc = new Date(time).toISOString();
  return /^\d{4}-/.test(utc) ? utc : text;
}

export const isoDateTimeSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO date and time' })
  .overwrite(inUtc);

/** A UK phone number as people write it: digits, spaces and an optional leading +. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ]{5,18}[0-9]$/, 'must be a phone number of digits and spaces');

/** The dialable form for a tel: link: no spaces. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/\s+/g, '')}`;
}

/** A web address a record links to: http(s) only, so a javascript:, data: or file: address never
 *  becomes a link someone taps. */
export const webLinkSchema = z
  .url({ protocol: /^https?$/, message: 'must be a web address starting https:// or http://' })
  .max(2000, 'is too long: at most 2000 characters');

/** The href for a stored web address, or null when it is not http(s) (a record stored before the
 *  check, or from an older device): shown as text then, never as a link. */
export function webHref(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? link : null;
  } catch {
    return null;
  }
}

export const emailSchema = z.email('must be an email address');
export const postcodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, 'must be a UK postcode');

/**
 * A point's latitude and longitude come together: one alone places nothing (ranking, the map and the
 * Open Referral feed all left it out without a word), so it is refused naming the one missing.
 */
export function coordinatesTogether(
  point: { lat: number | null; lon: number | null },
  context: z.RefinementCtx,
): void {
  if ((point.lat === null) === (point.lon === null)) return;
  const missing = point.lat === null ? 'lat' : 'lon';
  context.addIssue({
    code: 'custom',
    message: `give the ${missing === 'lat' ? 'latitude' : 'longitude'} too, or neither`,
    path: [missing],
  });
}

/** Each item once, in the order first given: a list of codes is a set, however a client sent it. */
export const onceEach = <T>(items: T[]): T[] =>
  new Set(items).size === items.length ? items : [...new Set(items)];
