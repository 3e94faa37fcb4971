// The partners drawn on the map, as a list in the same place: the circles are one canvas a keyboard or a
// screen reader cannot reach, so this is how those users get the same facts (name, strategic or not, and
// the partner's page). Closed by default; drawn only when opened, as there may be thousands.
import { useState } from 'react';
import { Link } from '../../router.tsx';
import type { MappedPartner } from './PartnerMarkers.tsx';

export function MappedPartnerList({ partners }: { partners: readonly MappedPartner[] }) {
  const [open, setOpen] = useState(false);
  if (partners.length === 0) return null;
  const sorted = open ? [...partners].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) : [];
  return (
    <details className="mapped-partners" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Partners on the map, as a list ({partners.length})</summary>
      {open && (
        <ul aria-label="Partners on the map">
          {sorted.map((partner) => (
            <li key={partner.id}>
              <Link to={`/partners/${partner.id}`}>
                <bdi>{partner.name}</bdi>
              </Link>
              {partner.strategic ? ' · strategic partner (filled circle)' : ' · hollow circle'}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
