// The audit trail (/audit), for admins: who changed what and when — each change with its old and new
// value, the device's time and the server's — and every sign-in, role change and purge. Filter by
// person, record and dates; download what the filter shows as CSV. Read only.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AUDIT_ACTION_LABELS, auditPageSchema, type AuditRow } from '../../../domain/accounts/audit.ts';
import { downloadText } from '../../download.ts';
import { apiDownload } from '../../api.ts';
import { useOnline } from '../../useOnline.ts';
import { messageOf, serverCall, sessionToken } from '../account/serverCall.ts';
import { ManagersOnly } from '../people/ManagersOnly.tsx';
import '../admin.css';
import { FormProblem } from '../../components/FormProblem.tsx';

interface Filters {
  person: string;
  record: string;
  from: string;
  to: string;
}

const valueText = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

const when = (iso: string) => new Date(iso).toLocaleString('en-GB');

function queryOf(filters: Filters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) query.set(key, value.trim());
  return query;
}

export function AuditScreen() {
  const online = useOnline();
  const [filters, setFilters] = useState<Filters>({ person: '', record: '', from: '', to: '' });
  const [entries, setEntries] = useState<AuditRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (current: Filters) => {
    try {
      setEntries(auditPageSchema.parse(await serverCall(`/api/admin/audit?${queryOf(current)}`)).entries);
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);
  useEffect(() => {
    if (online) void load({ person: '', record: '', from: '', to: '' });
  }, [online, load]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void load(filters);
  };
  const onDownload = async () => {
    const query = queryOf(filters);
    query.set('format', 'csv');
    try {
      const token = await sessionToken();
      downloadText('audit-trail.csv', await apiDownload(`/api/admin/audit?${query}`, token ? { token } : {}));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const field = (key: keyof Filters, label: string, type = 'text') => (
    <>
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input
        id={`audit-${key}`}
        type={type}
        value={filters[key]}
        onChange={(event) => setFilters({ ...filters, [key]: event.target.value })}
      />
    </>
  );

  return (
    <ManagersOnly title="Audit trail">
      <h1 tabIndex={-1}>Audit trail</h1>
      {!online && <p className="banner warning">You are offline: the audit trail is read from the server.</p>}
      <form onSubmit={onSubmit} aria-label="Filter the audit trail">
        {field('person', 'Person (username)')}
        {field('record', 'Record id')}
        {field('from', 'From', 'date')}
        {field('to', 'To', 'date')}
        <button type="submit">Show</button>{' '}
        <button type="button" className="secondary" onClick={() => void onDownload()}>
          Download CSV
        </button>
      </form>
      <FormProblem message={error} />
      {online && entries === null && !error && <p role="status">Loading the audit trail…</p>}
      {entries?.length === 0 && <p className="empty">Nothing matches these filters.</p>}
      {entries && entries.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit entries">
          <table>
            <caption>Newest first</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">On the device</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Record</th>
                <th scope="col">Field</th>
                <th scope="col">Old → new</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{when(entry.at)}</td>
                  <td>{entry.deviceAt ? when(entry.deviceAt) : '—'}</td>
                  <td>
                    <bdi>{entry.username ?? '—'}</bdi>
                    {entry.clientId ? ` (${entry.clientId})` : ''}
                  </td>
                  <td>{AUDIT_ACTION_LABELS[entry.action]}</td>
                  <td>{entry.entity ? `${entry.entity} ${entry.recordId ?? ''}` : (entry.detail ?? '—')}</td>
                  <td>{entry.field ?? '—'}</td>
                  <td>
                    {entry.action === 'change' || entry.action === 'role_change' || entry.action === 'purge'
                      ? [
                          <bdi key="old">{valueText(entry.oldValue)}</bdi>,
                          ' → ',
                          <bdi key="new">{valueText(entry.newValue)}</bdi>,
                        ]
                      : (entry.detail ?? '—')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ManagersOnly>
  );
}
