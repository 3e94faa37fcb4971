// Dates and times on the situation report, written out in full ("20 Nov 2026, 14:05"): a printed
// briefing is read later and elsewhere, so "2 hours ago" would be wrong by then.
export const reportTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
