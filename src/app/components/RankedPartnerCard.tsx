// One partner in a best-placed answer: name, reasons in plain words, and tap-to-call buttons.
import type { RankedPartner } from '../../domain/bestPlaced.ts';
import { Link } from '../router.tsx';
import { CallButtons } from './CallButtons.tsx';
import { outOfHoursPhoneFor } from '../../domain/partner.ts';

export function RankedPartnerCard({ entry }: { entry: RankedPartner }) {
  const { partner } = entry;
  return (
    <li className="card">
      <Link to={`/partners/${partner.id}`} className="card-title">
        {partner.name}
      </Link>
      <p className="reasons">{entry.reasons.join(' · ')}</p>
      <CallButtons name={partner.name} phone={partner.phone} outOfHoursPhone={outOfHoursPhoneFor(partner)} />
    </li>
  );
}
