// "Wards most in need": the wards with gaps in cover, ranked by need (src/domain/ranking/needRanking.ts) with
// the reason in words, so the gap list and the dashboard say the same thing first: an unparished,
// deprived ward that nobody covers for a capability. The first few are shown; the rest on request.
import { useState } from 'react';
import type { WardGaps } from '../../../domain/gaps/gapAnalysis.ts';
import type { Ward } from '../../../domain/geo/area.ts';
import { deprivationByWard, rankWardsByNeed } from '../../../domain/ranking/needRanking.ts';

const SHOWN = 5;

export function WardsMostInNeed({ rows, wards }: { rows: readonly WardGaps[]; wards: readonly Ward[] }) {
  const [all, setAll] = useState(false);
  const ranked = rankWardsByNeed(rows, deprivationByWard(wards));
  const withDeprivation = wards.some((ward) => ward.deprivation !== undefined);
  return (
    <section aria-labelledby="most-in-need-heading" className="most-in-need">
      <h2 id="most-in-need-heading">Wards most in need</h2>
      <p>
        Wards with a need nobody covers, {withDeprivation ? 'the most deprived' : 'unparished'} first
        {withDeprivation
          ? ' (English Indices of Deprivation 2019; decile 1 is England’s most deprived 10%), unparished before parished.'
          : '. No deprivation figures were loaded with the area.'}
      </p>
      {ranked.length === 0 ? (
        <p className="empty">Every ward has a partner for every capability.</p>
      ) : (
        <>
          <ol aria-label="Wards most in need, most first">
            {(all ? ranked : ranked.slice(0, SHOWN)).map((ward) => (
              <li key={ward.code}>{ward.reason}</li>
            ))}
          </ol>
          {ranked.length > SHOWN && (
            <button type="button" className="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? `Show the first ${SHOWN} only` : `Show all ${ranked.length} wards with gaps`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
