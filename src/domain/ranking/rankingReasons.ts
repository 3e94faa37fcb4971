// A ranked partner's reasons in words, for the rules other than coverage (coverageMatch.ts): the
// needs it offers, whether it answers now, and how recently its details were checked.
import type { CapabilityId } from '../entities/capabilities.ts';
import { capabilityLabel } from '../entities/capabilities.ts';
import type { AvailabilityNow } from './availability.ts';

export function availabilityReason(availability: AvailabilityNow): string {
  switch (availability.kind) {
    case 'always':
      return 'open 24/7';
    case 'open':
      return `open now until ${availability.until}`;
    case 'closed':
      return availability.outOfHoursPhone ? 'closed now · has an out-of-hours number' : 'closed now';
  }
}

export function daysAgoReason(days: number, stale: boolean): string {
  const when = days <= 0 ? 'verified today' : days === 1 ? 'verified yesterday' : `verified ${days} days ago`;
  return stale ? `${when} — stale, check the details` : when;
}

export function needsReason(matched: readonly CapabilityId[], needs: readonly CapabilityId[]): string {
  const offered = matched.map((need) => capabilityLabel(need).toLowerCase()).join(', ');
  const missing = needs.filter((need) => !matched.includes(need));
  if (missing.length === 0) return needs.length > 1 ? `offers all of: ${offered}` : `offers ${offered}`;
  return `offers ${offered}; not ${missing.map((need) => capabilityLabel(need).toLowerCase()).join(', ')}`;
}
