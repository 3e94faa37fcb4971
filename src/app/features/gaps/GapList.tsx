// The gaps on a phone: one line a ward, in words, most pressing first (the order is gapsByPriority in
// src/domain, one function for every screen). Shown instead of the wide table on narrow screens.
import { gapSentence, gapsByPriority } from '../../../domain/gaps/gapPriority.ts';
import type { WardGaps } from '../../../domain/gaps/gapAnalysis.ts';
import { Link } from '../../router.tsx';

export function GapList({ wards }: { wards: readonly WardGaps[] }) {
  const pressing = gapsByPriority(wards);
  return (
    <section className="gap-list" aria-labelledby="gap-list-heading">
      <h2 id="gap-list-heading">Wards with gaps, most pressing first</h2>
      {pressing.length === 0 ? (
        <p className="empty">Every ward has at least one partner for every capability.</p>
      ) : (
        <ol className="card-list" aria-label="Wards with gaps">
          {pressing.map((ward) => (
            <li key={ward.code} className="card">
              <p className="gap-sentence">{gapSentence(ward)}</p>
              <Link to={`/map?ward=${encodeURIComponent(ward.code)}`} className="gap-link">
                Show {ward.name} on the map
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
