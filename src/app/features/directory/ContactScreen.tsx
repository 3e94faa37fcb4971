// One contact: who they are, whom they act for, the numbers to tap (in and out of hours), whether
// the public may see them, and when their details were last confirmed. A retired contact is badged;
// admins can retire one, or bring them back.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { ukToday, verifiedWords } from '../../../domain/directory/stale.ts';
import { Link } from '../../router.tsx';
import { StaleBadge } from './StaleBadge.tsx';
import { VerifyButton } from './VerifyButton.tsx';
import { RetireButton, RetiredBadge } from './RetireButton.tsx';
import { useCanEditDirectory } from '../../useSessionUser.ts';
import { CallButtons } from '../../components/CallButtons.tsx';

export function ContactScreen({ params: [id = ''] }: { params: string[] }) {
  // null = looked and not found; undefined = still loading
  const contact = useLiveQuery(async () => (await localDatabase.contacts.get(id)) ?? null, [id]);
  const parish = useLiveQuery(
    async () =>
      contact?.parishCode ? ((await localDatabase.parishes.get(contact.parishCode)) ?? null) : null,
    [contact?.parishCode],
  );
  // The organisation's partner page, when a partner has exactly that name.
  const partner = useLiveQuery(
    async () =>
      contact?.organisation
        ? ((await localDatabase.partners.toArray()).find(
            (candidate) => candidate.name === contact.organisation,
          ) ?? null)
        : null,
    [contact?.organisation],
  );
  const canEdit = useCanEditDirectory();

  if (contact === undefined) return <p role="status">Loading contact…</p>;
  if (contact === null) {
    return (
      <>
        <h1 tabIndex={-1}>Contact not found</h1>
        <p className="empty">
          This contact is not on this device. It may be restricted to other users, or not synced yet.{' '}
          <Link to="/directory">Back to the directory</Link>
        </p>
      </>
    );
  }

  return (
    <article className="detail">
      <p>
        <Link to="/directory">← Directory</Link>
      </p>
      <h1 tabIndex={-1}>
        <bdi>{contact.name}</bdi>
      </h1>
      <p className="card-meta">
        {contact.role || 'Contact'}
        <RetiredBadge retired={contact.retired} />
        {contact.visibility === 'restricted' && <span className="badge muted">Restricted</span>}
        {!contact.retired && <StaleBadge lastVerified={contact.lastVerified} />}
      </p>
      <CallButtons phone={contact.phones.main} outOfHoursPhone={contact.phones.outOfHours} />
      <dl className="facts">
        {contact.organisation && (
          <>
            <dt>Organisation</dt>
            <dd>
              {partner ? (
                <Link to={`/partners/${partner.id}`}>
                  <bdi>{contact.organisation}</bdi>
                </Link>
              ) : (
                <bdi>{contact.organisation}</bdi>
              )}
            </dd>
          </>
        )}
        {contact.parishCode && (
          <>
            <dt>Parish</dt>
            <dd>
              <Link to={`/parishes/${encodeURIComponent(contact.parishCode)}`}>
                {parish ? `${parish.name} parish` : `Parish ${contact.parishCode}`}
              </Link>
            </dd>
          </>
        )}
        <dt>Email</dt>
        <dd>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}</dd>
        <dt>Who can see this contact</dt>
        <dd>
          {contact.visibility === 'public'
            ? 'Public: anyone using the directory'
            : 'Restricted: council staff, and the coordinator of its own parish'}
        </dd>
        <dt>Last verified</dt>
        <dd>
          {contact.lastVerified} ({verifiedWords(contact.lastVerified, ukToday(new Date()))})
        </dd>
      </dl>
      {canEdit && (
        <div className="admin-actions">
          <VerifyButton entity="contact" id={contact.id} lastVerified={contact.lastVerified} />
          <Link className="button-link" to={`/contacts/${contact.id}/edit`}>
            Edit contact
          </Link>
        </div>
      )}
      {canEdit && (
        <RetireButton
          target={{ entity: 'contact', id: contact.id, name: contact.name, retired: contact.retired }}
        />
      )}
    </article>
  );
}
