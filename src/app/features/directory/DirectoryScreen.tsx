// The Directory: one search box over partners, contacts and parishes, with filters, answered from
// this device's copy (so instantly, and offline). Admins also get the ways in to add and import.
import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import {
  buildDirectorySearch,
  NO_FILTERS,
  type DirectoryFilters as Filters,
} from '../../../domain/ranking/directorySearch.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { Link } from '../../router.tsx';
import { useStaleDays } from './staleDays.ts';
import { useCanEditDirectory } from '../../useSessionUser.ts';
import { CsvDownloads } from './CsvDownloads.tsx';
import { DirectoryFilters } from './DirectoryFilters.tsx';
import { DirectoryResults } from './DirectoryResults.tsx';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function DirectoryScreen() {
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const contacts = useLiveQuery(() => localDatabase.contacts.toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const canEdit = useCanEditDirectory();
  const staleDays = useStaleDays();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const deferredQuery = useDeferredValue(query);
  const deferredFilters = useDeferredValue(filters);

  const search = useMemo(
    () =>
      partners && contacts && parishes && wards
        ? buildDirectorySearch({ partners, contacts, parishes, wards })
        : undefined,
    [partners, contacts, parishes, wards],
  );
  const today = ukToday(new Date());
  const results = useMemo(
    () => search?.search(deferredQuery, deferredFilters, today, staleDays),
    [search, deferredQuery, deferredFilters, today, staleDays],
  );
  const wardMap = useMemo(() => new Map((wards ?? []).map((ward) => [ward.code, ward])), [wards]);
  const parishNames = useMemo(
    () => new Map((parishes ?? []).map((parish) => [parish.code, parish.name])),
    [parishes],
  );

  const total = results ? results.partners.length + results.contacts.length + results.parishes.length : 0;
  const filtered =
    deferredQuery.trim() !== '' || JSON.stringify(deferredFilters) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <h1 tabIndex={-1}>Directory</h1>
      {canEdit && (
        <ul className="admin-links" aria-label="Change the directory">
          <li>
            <Link to="/partners/new">New partner</Link>
          </li>
          <li>
            <Link to="/contacts/new">New contact</Link>
          </li>
          <li>
            <Link to="/parishes/new">New parish</Link>
          </li>
          <li>
            <Link to="/import">Import or export CSV</Link>
          </li>
        </ul>
      )}
      <label htmlFor="directory-search">Search the directory</label>
      <input
        id="directory-search"
        type="search"
        placeholder="Name, capability, ward, postcode, role or parish"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <DirectoryFilters filters={filters} onChange={setFilters} wards={wards ?? []} staleDays={staleDays} />
      {results === undefined ? (
        <p role="status">Loading the directory…</p>
      ) : partners?.length === 0 && contacts?.length === 0 && parishes?.length === 0 ? (
        <p className="empty">
          Nothing in the directory on this device yet. It arrives with the first sync; if you are offline,
          connect once to download it.
        </p>
      ) : (
        <>
          <p className="count" aria-live="polite">
            {total === 0
              ? filtered
                ? 'Nothing matches. Try fewer letters, another word, or fewer filters.'
                : 'Nothing to show.'
              : [
                  plural(results.partners.length, 'partner', 'partners'),
                  plural(results.contacts.length, 'contact', 'contacts'),
                  plural(results.parishes.length, 'parish', 'parishes'),
                ].join(', ')}
          </p>
          <DirectoryResults results={results} wards={wardMap} parishNames={parishNames} />
        </>
      )}
      <section className="export" aria-labelledby="export-heading">
        <h2 id="export-heading">Download</h2>
        <p>The whole directory on this device as spreadsheets (CSV), with the columns the import reads.</p>
        <CsvDownloads />
      </section>
    </>
  );
}
