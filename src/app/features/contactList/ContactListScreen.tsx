// The emergency-plan contact list (/contact-list): strategic partners and parish emergency contacts by
// ward and parish, with roles, phones and out-of-hours numbers, from this device's copy (offline too).
// Printable on A4 (the copy for the grab bag) with every column on the page, and as CSV. Restricted
// contacts appear only for those allowed to see them (the domain list filters them).
import '../situationReport/situationReport.css';
import './contactList.css';
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { useSessionUser } from '../../useSessionUser.ts';
import {
  emergencyContactList,
  type ListedContact,
} from '../../../domain/contactList/emergencyContactList.ts';
import { telHref } from '../../../domain/entities/common.ts';
import { downloadText } from '../../download.ts';
import { useReportMarking } from '../situationReport/issuedReports.ts';
import { cssString } from '../../../domain/situationReport/pageMargin.ts';
import { reportTime } from '../situationReport/reportTime.ts';
import { contactListCsv } from './contactListCsv.ts';

function Phone({ number }: { number: string | null }) {
  if (number === null) return <>—</>;
  return <a href={telHref(number)}>{number}</a>;
}

function ContactTable({ caption, contacts }: { caption: string; contacts: readonly ListedContact[] }) {
  return (
    <div className="table-scroll contact-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="contact-table">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className="col-name" />
          <col className="col-role" />
          <col className="col-phone" />
          <col className="col-phone" />
          <col className="col-email" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Phone</th>
            <th scope="col">Out of hours</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <th scope="row">
                <bdi>{contact.name}</bdi>
                {contact.restricted && <span className="badge muted">Restricted</span>}
              </th>
              <td>
                <bdi>{contact.role}</bdi>
                {contact.organisation && contact.organisation !== contact.name && (
                  <bdi className="contact-organisation">{contact.organisation}</bdi>
                )}
              </td>
              <td className="phone">
                <Phone number={contact.phone} />
              </td>
              <td className="phone">
                <Phone number={contact.outOfHours} />
              </td>
              <td className="email">{contact.email ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ContactListScreen() {
  const user = useSessionUser();
  const wards = useLiveQuery(() => localDatabase.wards.toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.toArray());
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  const contacts = useLiveQuery(() => localDatabase.contacts.toArray());
  const list = useMemo(
    () =>
      user && wards && parishes && partners && contacts
        ? emergencyContactList(user, wards, parishes, partners, contacts)
        : undefined,
    [user, wards, parishes, partners, contacts],
  );
  const madeAt = useMemo(() => new Date().toISOString(), []);
  const marking = useReportMarking();

  if (!list || marking === undefined) return <p role="status">Loading the contact list…</p>;
  const empty =
    list.boroughWide.length === 0 &&
    list.others.length === 0 &&
    list.wards.every(
      (ward) => ward.partners.length === 0 && ward.parishes.every((parish) => parish.contacts.length === 0),
    );

  return (
    <div className="contact-list">
      <style>{`@page { @top-left { content: ${cssString(marking)}; } @top-right { content: ${cssString(
        `Emergency-plan contacts · ${reportTime(madeAt)}`,
      )}; } @bottom-right { content: "Page " counter(page) " of " counter(pages); } }`}</style>
      <h1 tabIndex={-1}>Emergency-plan contact list</h1>
      <p>
        Strategic partners and parish emergency contacts by ward and parish, as on this device on{' '}
        {reportTime(madeAt)}. Print it for the grab bag: it is what works when every device is flat.
      </p>
      <div className="button-row report-controls">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            downloadText(`emergency-contacts-${madeAt.slice(0, 10)}.csv`, `\uFEFF${contactListCsv(list)}`)
          }
        >
          Download CSV
        </button>
      </div>
      {empty ? (
        <p className="empty">
          No strategic partners or parish contacts on this device yet. They arrive with the first sync.
        </p>
      ) : (
        <>
          <section aria-labelledby="borough-wide-heading">
            <h2 id="borough-wide-heading">Borough-wide strategic partners</h2>
            {list.boroughWide.length === 0 ? (
              <p>None.</p>
            ) : (
              <ContactTable caption="Borough-wide strategic partners" contacts={list.boroughWide} />
            )}
          </section>
          {list.wards.map((ward) => (
            <section key={ward.code} aria-labelledby={`ward-${ward.code}`} className="contact-ward">
              <h2 id={`ward-${ward.code}`}>
                {ward.name}
                {!ward.parished && <span className="badge warning">Unparished</span>}
              </h2>
              {ward.partners.length === 0 && ward.parishes.length === 0 && (
                <p>No strategic partner names this ward and no parish lies in it.</p>
              )}
              {ward.partners.length > 0 && (
                <>
                  <h3>Strategic partners in {ward.name}</h3>
                  <ContactTable caption={`Strategic partners in ${ward.name}`} contacts={ward.partners} />
                </>
              )}
              {ward.parishes.map((parish) => (
                <div key={parish.code} className="contact-parish">
                  <h3>{parish.name} parish</h3>
                  {parish.contacts.length === 0 ? (
                    <p>No emergency contact on record.</p>
                  ) : (
                    <ContactTable
                      caption={`${parish.name} parish contacts (${ward.name})`}
                      contacts={parish.contacts}
                    />
                  )}
                </div>
              ))}
            </section>
          ))}
          {list.others.length > 0 && (
            <section aria-labelledby="other-contacts-heading">
              <h2 id="other-contacts-heading">Council and other contacts</h2>
              <ContactTable caption="Council and other contacts" contacts={list.others} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
