// Stale details: a partner's or contact's details count as stale when nobody has confirmed them for
// more than a set number of days (the quarterly review: 90). Pure, so the flag on a card, on a page
// and on the office's chase list all agree.
import type { Partner } from '../entities/partner.ts';
import type { Contact } from '../entities/contact.ts';

export const DEFAULT_STALE_DAYS = 90;
export const MIN_STALE_DAYS = 1;
export const MAX_STALE_DAYS = 3650;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayIndex(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** Whole days from `lastVerified` to `today` (both YYYY-MM-DD); 0 on the day itself. */
export function daysSince(lastVerified: string, today: string): number {
  return dayIndex(today) - dayIndex(lastVerified);
}

/** Stale when more than `days` days have passed; a date that cannot be read is stale too. */
export function isStale(lastVerified: string, today: string, days: number = DEFAULT_STALE_DAYS): boolean {
  const since = daysSince(lastVerified, today);
  return Number.isNaN(since) || since > days;
}

/** Today's date in the UK (Europe/London) as YYYY-MM-DD: what "verified today" means here. */
export function ukToday(at: Date): string {
  return at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

/** A number of days typed by a person, or the default when it is not a sensible whole number. */
export function staleDaysFrom(text: string | null | undefined): number {
  const days = Number(text);
  if (!Number.isInteger(days) || days < MIN_STALE_DAYS || days > MAX_STALE_DAYS) return DEFAULT_STALE_DAYS;
  return days;
}

/** "verified today", "verified 12 days ago". */
export function verifiedWords(lastVerified: string, today: string): string {
  const days = daysSince(lastVerified, today);
  if (Number.isNaN(days)) return 'never verified';
  if (days <= 0) return 'verified today';
  if (days === 1) return 'verified yesterday';
  return `verified ${days} days ago`;
}

export type StaleItem =
  | { type: 'partner'; record: Partner; daysSince: number }
  | { type: 'contact'; record: Contact; daysSince: number };

/**
 * Everything to chase: stale partners and contacts, oldest first; equal dates by name, so the list
 * keeps one order. Closed partners and retired contacts are left out: nobody needs to call them.
 */
export function staleList(
  partners: readonly Partner[],
  contacts: readonly Contact[],
  today: string,
  days: number = DEFAULT_STALE_DAYS,
): StaleItem[] {
  const items: StaleItem[] = [
    ...partners
      .filter((partner) => partner.status !== 'closed' && isStale(partner.lastVerified, today, days))
      .map((record) => ({
        type: 'partner' as const,
        record,
        daysSince: daysSince(record.lastVerified, today),
      })),
    ...contacts
      .filter((contact) => !contact.retired && isStale(contact.lastVerified, today, days))
      .map((record) => ({
        type: 'contact' as const,
        record,
        daysSince: daysSince(record.lastVerified, today),
      })),
  ];
  const age = (item: StaleItem) => (Number.isNaN(item.daysSince) ? Infinity : item.daysSince);
  return items.sort(
    (a, b) =>
      age(b) - age(a) ||
      a.record.name.localeCompare(b.record.name, 'en-GB') ||
      a.type.localeCompare(b.type) ||
      a.record.id.localeCompare(b.record.id),
  );
}
