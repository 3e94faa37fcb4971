// The Directory's answer, grouped by type: partners, contacts, parishes. Each card links to its page
// and carries its number to tap, its stale flag and, for a contact or parish, whether it is retired.
// Long groups show their first part until asked.
import { useState, type ReactNode } from 'react';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import type { Contact } from '../../../domain/entities/contact.ts';
import type { Partner } from '../../../domain/entities/partner.ts';
import type { DirectoryResults as Results } from '../../../domain/ranking/directorySearch.ts';
import { capabilityLabel } from '../../../domain/entities/capabilities.ts';
import { isStrategic } from '../../../domain/entities/partner.ts';
import { telHref } from '../../../domain/entities/common.ts';
import { Link } from '../../router.tsx';
import { StaleBadge } from './StaleBadge.tsx';
import { RetiredBadge } from './RetireButton.tsx';
import { Sentence } from '../../components/Sentence.tsx';
import { isolated } from '../../../domain/words/isolated.ts';

const FIRST = 50;

function Group<T>({
  title,
  items,
  render,
}: {
  title: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
}) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <div className="result-group">
      <h2>
        {title} ({items.length})
      </h2>
      <ul className="card-list" aria-label={`${title} found`}>
        {shown.map(render)}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="secondary" onClick={() => setAll(true)}>
          Show all {items.length} {title.toLowerCase()}
        </button>
      )}
    </div>
  );
}

export function PartnerCard({ partner }: { partner: Partner }) {
  return (
    <li className="card">
      <Link to={`/partners/${partner.id}`} className="card-title">
        <bdi>{partner.name}</bdi>
      </Link>
      <span className="card-meta">
        <span className="type-label">Partner</span>
        {isStrategic(partner) && <span className="badge">Strategic</span>}
        {partner.status !== 'active' && <span className="badge muted">{partner.status}</span>}
        <StaleBadge lastVerified={partner.lastVerified} />
        {partner.capabilities.map(capabilityLabel).join(' · ')}
      </span>
      <a className="card-call" href={telHref(partner.phone)}>
        <span>
          Call <bdi>{partner.name}</bdi>: {partner.phone}
        </span>
      </a>
    </li>
  );
}

export function ContactCard({ contact, parishName }: { contact: Contact; parishName?: string | undefined }) {
  const actsFor = [
    contact.organisation && isolated(contact.organisation),
    parishName && `${parishName} parish`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="card">
      <Link to={`/contacts/${contact.id}`} className="card-title">
        <bdi>{contact.name}</bdi>
      </Link>
      <span className="card-meta">
        <span className="type-label">Contact</span>
        <RetiredBadge retired={contact.retired} />
        {contact.visibility === 'restricted' && <span className="badge muted">Restricted</span>}
        {!contact.retired && <StaleBadge lastVerified={contact.lastVerified} />}
        <Sentence text={[contact.role && isolated(contact.role), actsFor].filter(Boolean).join(', ')} />
      </span>
      <a className="card-call" href={telHref(contact.phones.main)}>
        <span>
          Call <bdi>{contact.name}</bdi>: {contact.phones.main}
        </span>
      </a>
    </li>
  );
}

function ParishCard({ parish, wards }: { parish: Parish; wards: ReadonlyMap<string, Ward> }) {
  return (
    <li className="card">
      <Link to={`/parishes/${encodeURIComponent(parish.code)}`} className="card-title">
        {parish.name} parish
      </Link>
      <span className="card-meta">
        <span className="type-label">Parish</span>
        <RetiredBadge retired={parish.retired} />
        {parish.charterRole.agreed && <span className="badge">Charter role agreed</span>}
        In {parish.wardCodes.map((code) => wards.get(code)?.name ?? code).join(', ')} ward
        {parish.wardCodes.length === 1 ? '' : 's'}
      </span>
    </li>
  );
}

export function DirectoryResults({
  results,
  wards,
  parishNames,
}: {
  results: Results;
  wards: ReadonlyMap<string, Ward>;
  parishNames: ReadonlyMap<string, string>;
}) {
  return (
    <>
      <Group
        title="Partners"
        items={results.partners}
        render={(partner) => <PartnerCard key={partner.id} partner={partner} />}
      />
      <Group
        title="Contacts"
        items={results.contacts}
        render={(contact) => (
          <ContactCard
            key={contact.id}
            contact={contact}
            parishName={contact.parishCode ? parishNames.get(contact.parishCode) : undefined}
          />
        )}
      />
      <Group
        title="Parishes"
        items={results.parishes}
        render={(parish) => <ParishCard key={parish.code} parish={parish} wards={wards} />}
      />
    </>
  );
}
