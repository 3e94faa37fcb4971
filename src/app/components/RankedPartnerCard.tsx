// One partner in a best-placed answer: name, the rule that put it above the next one, its reasons in
// plain words, and tap-to-call buttons — the main one dials the number that answers now (the
// out-of-hours line when the partner is closed). `action` adds a button, such as "Assign".
import type { ReactNode } from 'react';
import type { RankedPartner } from '../../domain/ranking/bestPlaced.ts';
import { telHref } from '../../domain/entities/common.ts';
import { Link } from '../router.tsx';
import { Sentence } from '../components/Sentence.tsx';

export function RankedPartnerCard({ entry, action }: { entry: RankedPartner; action?: ReactNode }) {
  const { partner, callNow } = entry;
  return (
    <li className="card">
      <Link to={`/partners/${partner.id}`} className="card-title">
        <bdi>{partner.name}</bdi>
      </Link>
      {entry.decidingReason && (
        <p className="deciding">
          <Sentence text={entry.decidingReason} />
        </p>
      )}
      <p className="reasons">{entry.reasons.join(' · ')}</p>
      <div className="call-buttons">
        <a className="call" href={telHref(callNow.phone)}>
          <span>
            Call <bdi>{partner.name}</bdi>
            {callNow.outOfHours ? ' out of hours' : ''}: {callNow.phone}
          </span>
        </a>
        {callNow.otherPhone && (
          <a className="call secondary" href={telHref(callNow.otherPhone)}>
            {callNow.outOfHours
              ? `Daytime number: ${callNow.otherPhone}`
              : `Out of hours: ${callNow.otherPhone}`}
          </a>
        )}
        {action}
      </div>
    </li>
  );
}
