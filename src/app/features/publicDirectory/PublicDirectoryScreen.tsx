// The public directory (/public), for residents: community groups and services that agreed to be
// listed publicly, with what they offer, where, their phone and opening hours. No sign-in. The last
// answer is kept on the device, so the page works offline after one visit.
import { useEffect, useMemo, useState } from 'react';
import {
  byName,
  publicDirectoryPageSchema,
  publicDirectorySchema,
  type PublicPartner,
} from '../../../domain/directory/publicPartner.ts';
import { PUBLIC_PARTNERS_PAGE, readEveryPage } from '../../../domain/api/paging.ts';
import { capabilityLabel } from '../../../domain/entities/capabilities.ts';
import { PARTNER_KINDS } from '../../../domain/entities/partner.ts';
import { formatHoursText } from '../../../domain/ranking/hoursText.ts';
import { CallButtons } from '../../components/CallButtons.tsx';
import { apiFetch } from '../../api.ts';
import { counted } from '../../../domain/words/counted.ts';

const STORAGE_KEY = 'resilience-hub:public-directory';

function readStored(): PublicPartner[] | null {
  try {
    const parsed = publicDirectorySchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data.partners : null;
  } catch {
    return null;
  }
}

const kindLabel = (kind: PublicPartner['kind']) =>
  PARTNER_KINDS.find((entry) => entry.id === kind)?.label ?? kind;

function where(partner: PublicPartner): string {
  if (partner.coverage.boroughWide) return 'The whole borough';
  const parts = [
    partner.coverage.wards.length > 0 && counted(partner.coverage.wards.length, 'ward'),
    partner.coverage.parishes.length > 0 && counted(partner.coverage.parishes.length, 'parish', 'parishes'),
  ].filter(Boolean);
  return parts.join(' and ') || 'Not stated';
}

export function PublicDirectoryScreen() {
  const [partners, setPartners] = useState<PublicPartner[] | null>(readStored);
  const [offline, setOffline] = useState(false);
  const [search, setSearch] = useState('');

  useEffect(() => {
    let cancelled = false;
    // Every page, so the search covers the whole directory and the copy kept offline is whole.
    readEveryPage(async (offset) => {
      const body = await apiFetch(`/api/public/partners?limit=${PUBLIC_PARTNERS_PAGE.max}&offset=${offset}`);
      const page = publicDirectoryPageSchema.parse(body);
      return { items: page.partners, nextOffset: page.nextOffset };
    }).then(
      (partners) => {
        if (cancelled) return;
        const directory = { partners: byName(partners) };
        try {
          localStorage.setItem(STORAGE_KEY, JSON.stringify(directory));
        } catch {
          // Private mode or full storage: show the answer now, fetch again next time.
        }
        setPartners(directory.partners);
        setOffline(false);
      },
      () => {
        if (!cancelled) setOffline(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const shown = useMemo(() => {
    const words = search.trim().toLowerCase();
    if (!partners || words === '') return partners;
    return partners.filter((partner) =>
      [partner.name, ...partner.capabilities.map(capabilityLabel)].join(' ').toLowerCase().includes(words),
    );
  }, [partners, search]);

  return (
    <div className="shell">
      <header className="top-bar">
        <span className="brand">Resilience Hub</span>
        <a href="/">Staff sign-in</a>
      </header>
      <main id="main">
        <h1 tabIndex={-1}>Community help near you</h1>
        <p>Local groups and services that agreed to be listed here. Call them directly.</p>
        {offline && (
          <p className="banner warning" role="status">
            You are offline
            {partners ? ': this is the list from your last visit.' : ' and this device has no copy yet.'}
          </p>
        )}
        {partners === null && !offline && <p role="status">Loading the directory…</p>}
        {partners !== null && (
          <>
            <label htmlFor="public-search">Search by name or what they offer</label>
            <input
              id="public-search"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            {shown?.length === 0 ? (
              <p className="empty">No group matches that.</p>
            ) : (
              <ul className="card-list" aria-label="Public directory">
                {shown?.map((partner) => (
                  <li key={partner.id} className="card">
                    <h2>
                      <bdi>{partner.name}</bdi>
                    </h2>
                    <p>{kindLabel(partner.kind)}</p>
                    <p>Offers: {partner.capabilities.map(capabilityLabel).join(', ')}</p>
                    <p>Helps: {where(partner)}</p>
                    {partner.address && (
                      <p>
                        {partner.address}
                        {partner.postcode ? `, ${partner.postcode}` : ''}
                      </p>
                    )}
                    <p>
                      Open:{' '}
                      {partner.openingHours.always
                        ? '24 hours, every day'
                        : formatHoursText(partner.openingHours.hours) || 'ask them'}
                    </p>
                    <CallButtons phone={partner.phone} outOfHoursPhone={null} name={partner.name} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </main>
    </div>
  );
}
