// The partner list: every partner on this device, searchable by name, capability, ward or postcode.
// Reads IndexedDB through a live query, so it updates as sync brings changes and works offline.
import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { buildPartnerSearch } from '../../../domain/ranking/partnerSearch.ts';
import { capabilityLabel } from '../../../domain/entities/capabilities.ts';
import { isStrategic } from '../../../domain/entities/partner.ts';
import { Link } from '../../router.tsx';
import { sortedByName } from '../../../domain/entities/names.ts';

// A long list is drawn a page at a time: thousands of rows make a cheap phone stutter.
const PAGE = 100;

export function PartnersScreen() {
  const partners = useLiveQuery(async () => sortedByName(await localDatabase.partners.toArray()));
  const wards = useLiveQuery(() => localDatabase.wards.toArray());
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  const searching = deferredQuery.trim() !== '';
  // The index is built only once someone searches: a first pull of thousands of partners should not
  // rebuild it on every page that arrives.
  const search = useMemo(
    () =>
      searching && partners
        ? buildPartnerSearch(partners, new Map((wards ?? []).map((ward) => [ward.code, ward.name])))
        : undefined,
    [searching, partners, wards],
  );
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => {
    if (!partners) return undefined;
    if (!search) return partners;
    const byId = new Map(partners.map((partner) => [partner.id, partner]));
    return search.search(deferredQuery).flatMap((id) => byId.get(id) ?? []);
  }, [partners, search, deferredQuery]);

  return (
    <>
      <h1 tabIndex={-1}>Partners</h1>
      <label htmlFor="partner-search">Search partners</label>
      <input
        id="partner-search"
        type="search"
        placeholder="Name, capability, ward or postcode"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {shown === undefined ? (
        <p role="status">Loading partners…</p>
      ) : partners?.length === 0 ? (
        <p className="empty">
          No partners on this device yet. They arrive with the first sync; if you are offline, connect once to
          download the directory.
        </p>
      ) : shown.length === 0 ? (
        <p className="empty">No partners match “{deferredQuery}”. Try fewer letters or another word.</p>
      ) : (
        <>
          <p className="count" aria-live="polite">
            {shown.length === partners?.length
              ? `${shown.length} partners`
              : `${shown.length} of ${partners?.length} partners`}
          </p>
          <ul className="card-list" aria-label="Partners">
            {shown.slice(0, limit).map((partner) => (
              <li key={partner.id} className="card">
                <Link to={`/partners/${partner.id}`} className="card-title">
                  <bdi>{partner.name}</bdi>
                </Link>
                <span className="card-meta">
                  {isStrategic(partner) && <span className="badge">Strategic</span>}
                  {partner.status !== 'active' && <span className="badge muted">{partner.status}</span>}
                  {partner.capabilities.map(capabilityLabel).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          {shown.length > limit && (
            <button type="button" className="secondary" onClick={() => setLimit((current) => current + PAGE)}>
              Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
            </button>
          )}
        </>
      )}
    </>
  );
}
