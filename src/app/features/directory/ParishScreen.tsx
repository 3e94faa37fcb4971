// One parish: the wards it lies in, its clerk and emergency coordinator (the contacts of this parish),
// whether it has a community emergency plan, whether its emergency role is agreed under the Parish
// Charter, and the partners that cover it. A retired parish is badged; admins can retire one, or
// bring it back.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { Link } from '../../router.tsx';
import { useCanEditDirectory } from '../../useSessionUser.ts';
import { RetireButton, RetiredBadge } from './RetireButton.tsx';
import { ContactCard, PartnerCard } from './DirectoryResults.tsx';
import { webHref } from '../../../domain/entities/common.ts';
import { sortedByName } from '../../../domain/entities/names.ts';

export function ParishScreen({ params: [code = ''] }: { params: string[] }) {
  const parish = useLiveQuery(async () => (await localDatabase.parishes.get(code)) ?? null, [code]);
  const wards = useLiveQuery(
    async () => (parish ? await localDatabase.wards.bulkGet(parish.wardCodes) : []),
    [parish],
  );
  const contacts = useLiveQuery(
    async () => sortedByName(await localDatabase.contacts.where('parishCode').equals(code).toArray()),
    [code],
  );
  const partners = useLiveQuery(async () => {
    if (!parish) return [];
    const all = await localDatabase.partners.toArray();
    const covering = all.filter(
      (partner) =>
        partner.status !== 'closed' &&
        (partner.coverage.parishes.includes(parish.code) ||
          partner.coverage.wards.some((ward) => parish.wardCodes.includes(ward))),
    );
    return sortedByName(covering);
  }, [parish]);
  const canEdit = useCanEditDirectory();

  if (parish === undefined) return <p role="status">Loading parish…</p>;
  if (parish === null) {
    return (
      <>
        <h1 tabIndex={-1}>Parish not found</h1>
        <p className="empty">
          This parish is not on this device. It may not be synced yet.{' '}
          <Link to="/directory">Back to the directory</Link>
        </p>
      </>
    );
  }
  const plan = parish.communityEmergencyPlan;
  const planHref = webHref(plan.link);
  const charter = parish.charterRole;

  return (
    <article className="detail">
      <p>
        <Link to="/directory">← Directory</Link>
      </p>
      <h1 tabIndex={-1}>{parish.name} parish</h1>
      {parish.retired && (
        <p className="card-meta">
          <RetiredBadge retired={parish.retired} />
          Not offered for new requests.
        </p>
      )}
      <p>
        <Link to={`/find?parish=${encodeURIComponent(parish.code)}`}>Find help in {parish.name}</Link>
      </p>
      <dl className="facts">
        <dt>Lies in</dt>
        <dd>
          {(wards ?? [])
            .map((ward, index) => (ward ? `${ward.name} ward` : `ward ${parish.wardCodes[index]}`))
            .join(', ')}
        </dd>
        <dt>Community emergency plan</dt>
        <dd>
          {plan.has ? 'Yes' : 'No'}
          {plan.link && (
            <>
              {' · '}
              {planHref ? <a href={planHref}>Read the plan</a> : <span>{plan.link}</span>}
            </>
          )}
        </dd>
        <dt>Emergency role under the Parish Charter</dt>
        <dd>{charter.agreed ? `Agreed${charter.date ? ` on ${charter.date}` : ''}` : 'Not agreed'}</dd>
        <dt>Code</dt>
        <dd>{parish.code}</dd>
      </dl>
      {canEdit && (
        <div className="admin-actions">
          <Link className="button-link" to={`/parishes/${encodeURIComponent(parish.code)}/edit`}>
            Edit parish
          </Link>
          <Link className="button-link" to={`/contacts/new?parish=${encodeURIComponent(parish.code)}`}>
            Add a contact for this parish
          </Link>
        </div>
      )}
      {canEdit && (
        <RetireButton
          target={{
            entity: 'parish',
            code: parish.code,
            name: `${parish.name} parish`,
            retired: parish.retired,
          }}
        />
      )}
      <h2>Contacts (clerk and emergency coordinator)</h2>
      {contacts === undefined ? (
        <p role="status">Loading contacts…</p>
      ) : contacts.length === 0 ? (
        <p className="empty">
          No contacts for this parish on this device. Restricted ones show to staff only.
        </p>
      ) : (
        <ul className="card-list" aria-label="Parish contacts">
          {contacts.map((contact) => (
            <ContactCard key={contact.id} contact={contact} />
          ))}
        </ul>
      )}
      <h2>Partners covering {parish.name}</h2>
      {partners === undefined ? (
        <p role="status">Loading partners…</p>
      ) : partners.length === 0 ? (
        <p className="empty">
          No partner names this parish or its wards. Borough-wide partners still cover it.
        </p>
      ) : (
        <ul className="card-list" aria-label="Partners covering this parish">
          {partners.map((partner) => (
            <PartnerCard key={partner.id} partner={partner} />
          ))}
        </ul>
      )}
    </article>
  );
}
