// One partner in a best-placed answer: name, reasons in plain words, and tap-to-call buttons.
import type { RankedPartner } from '../../domain/bestPlaced.ts';
import { telHref } from '../../domain/common.ts';
import { Link } from '../router.tsx';

export function RankedPartnerCard({ entry }: { entry: RankedPartner }) {
  const { partner } = entry;
  return (
    <li className="card">
      <Link to={`/partners/${partner.id}`} className="card-title">
        {partner.name}
      </Link>
      <p className="reasons">{entry.reasons.join(' · ')}</p>
      <div className="call-buttons">
        <a className="call" href={telHref(partner.phone)}>
          Call {partner.name}: {partner.phone}
        </a>
        {partner.availability.outOfHoursPhone && (
          <a className="call secondary" href={telHref(partner.availability.outOfHoursPhone)}>
            Out of hours: {partner.availability.outOfHoursPhone}
          </a>
        )}
      </div>
    </li>
  );
}
