// One partner: what it can do, where, when, and the numbers to tap. Every phone number is a tel: link.
// Stale details are flagged; admins can mark them verified today or edit the partner.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { capabilityLabel } from '../../../domain/entities/capabilities.ts';
import {
  PARTNER_KINDS,
  isStrategic,
  outOfHoursPhoneFor,
  type Partner,
} from '../../../domain/entities/partner.ts';
import { AgreementSection } from '../agreement/AgreementSection.tsx';
import { Link } from '../../router.tsx';
import { describeHours } from '../../../domain/ranking/openingHours.ts';
import { ukToday, verifiedWords } from '../../../domain/directory/stale.ts';
import { StaleBadge } from '../directory/StaleBadge.tsx';
import { VerifyButton } from '../directory/VerifyButton.tsx';
import { useCanEditDirectory } from '../../useSessionUser.ts';
import { ContactCard } from '../directory/DirectoryResults.tsx';
import { CallButtons } from '../../components/CallButtons.tsx';

const kindLabel = (kind: Partner['kind']) => PARTNER_KINDS.find((entry) => entry.id === kind)?.label ?? kind;

export function PartnerScreen({ params: [id = ''] }: { params: string[] }) {
  // null = looked and not found; undefined = still loading
  const partner = useLiveQuery(async () => (await localDatabase.partners.get(id)) ?? null, [id]);
  const places = useLiveQuery(async () => {
    if (!partner) return [];
    const wards = await localDatabase.wards.bulkGet(partner.coverage.wards);
    const parishes = await localDatabase.parishes.bulkGet(partner.coverage.parishes);
    return [
      ...wards.map((ward, index) => (ward ? `${ward.name} ward` : `ward ${partner.coverage.wards[index]}`)),
      ...parishes.map((parish, index) =>
        parish ? `${parish.name} parish` : `parish ${partner.coverage.parishes[index]}`,
      ),
    ];
  }, [partner]);
  // People to call at this partner: contacts whose organisation is its name.
  const partnerName = partner?.name;
  const contacts = useLiveQuery(
    async () =>
      partnerName
        ? (await localDatabase.contacts.toArray()).filter((contact) => contact.organisation === partnerName)
        : [],
    [partnerName],
  );
  const canEdit = useCanEditDirectory();

  if (partner === undefined) return <p role="status">Loading partner…</p>;
  if (partner === null) {
    return (
      <>
        <h1 tabIndex={-1}>Partner not found</h1>
        <p className="empty">
          This partner is not on this device. It may have been removed, or not synced yet.{' '}
          <Link to="/partners">Back to partners</Link>
        </p>
      </>
    );
  }

  return (
    <article className="detail">
      <p>
        <Link to="/partners">← All partners</Link>
      </p>
      <h1 tabIndex={-1}>
        <bdi>{partner.name}</bdi>
      </h1>
      <p className="card-meta">
        {kindLabel(partner.kind)}
        {isStrategic(partner) && (
          <span className="badge">Strategic partner since {partner.emergencyPlan.date}</span>
        )}
        {partner.status !== 'active' && <span className="badge muted">{partner.status}</span>}
        <StaleBadge lastVerified={partner.lastVerified} />
      </p>
      <CallButtons phone={partner.phone} outOfHoursPhone={outOfHoursPhoneFor(partner)} />
      <AgreementSection partner={partner} />
      <dl className="facts">
        <dt>Can help with</dt>
        <dd>{partner.capabilities.map(capabilityLabel).join(', ')}</dd>
        <dt>Covers</dt>
        <dd>{partner.coverage.boroughWide ? 'The whole borough' : (places ?? []).join(', ') || '—'}</dd>
        <dt>Open</dt>
        <dd>
          {partner.availability.always ? '24 hours, 7 days' : describeHours(partner.availability.hours)}
        </dd>
        <dt>Based at</dt>
        <dd>{[partner.base.address, partner.base.postcode].filter(Boolean).join(', ') || '—'}</dd>
        {partner.email && (
          <>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${partner.email}`}>{partner.email}</a>
            </dd>
          </>
        )}
        {partner.capacityNotes && (
          <>
            <dt>Capacity</dt>
            <dd>{partner.capacityNotes}</dd>
          </>
        )}
        <dt>Local Compact</dt>
        <dd>{partner.localCompact.agreed ? `Signed ${partner.localCompact.date}` : 'Not signed'}</dd>
        <dt>Last verified</dt>
        <dd>
          {partner.lastVerified} ({verifiedWords(partner.lastVerified, ukToday(new Date()))})
        </dd>
      </dl>
      {canEdit && (
        <div className="admin-actions">
          <VerifyButton entity="partner" id={partner.id} lastVerified={partner.lastVerified} />
          <Link className="button-link" to={`/partners/${partner.id}/edit`}>
            Edit partner
          </Link>
        </div>
      )}
      {contacts && contacts.length > 0 && (
        <>
          <h2>
            People to call at <bdi>{partner.name}</bdi>
          </h2>
          <ul className="card-list" aria-label="Contacts at this partner">
            {contacts.map((contact) => (
              <ContactCard key={contact.id} contact={contact} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
