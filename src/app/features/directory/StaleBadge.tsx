// The stale flag shown wherever a partner or contact appears: on cards, pages and the chase list.
import { isStale, ukToday, verifiedWords } from '../../../domain/directory/stale.ts';
import { useStaleDays } from './staleDays.ts';

export function StaleBadge({ lastVerified }: { lastVerified: string }) {
  const days = useStaleDays();
  const today = ukToday(new Date());
  if (!isStale(lastVerified, today, days)) return null;
  return (
    <span className="badge warning" title={`Not verified within ${days} days`}>
      Stale: {verifiedWords(lastVerified, today)}
    </span>
  );
}
