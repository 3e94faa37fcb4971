// Create or edit a contact (admins), read by the same code as a contacts CSV row and checked against
// the shared contact schema; saved on this device with its outbox entry, so it works offline.
// Retiring a contact is done on their page (ContactScreen); this form carries it through unchanged.
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import type { Contact } from '../../../domain/entities/contact.ts';
import { contactFromRow, contactToRow, type ContactColumn } from '../../../domain/csv/contactRow.ts';
import { sameValue } from '../../../domain/sync/merge.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { compareNames } from '../../../domain/entities/names.ts';
import { navigate } from '../../router.tsx';
import { EditPage, SaveOrCancel } from './EditPage.tsx';
import { DraftNotice } from '../device/DraftNotice.tsx';
import { ErrorSummary } from './FormFields.tsx';
import { columnFields } from './columnFields.tsx';
import { formContext, useEditForm } from './useEditForm.ts';
import { checkFromEditForm, reviewReturnPath } from '../review/reviewActions.ts';
import { notSavedMessage } from '../../store/storageFull.ts';
import { isolated } from '../../../domain/words/isolated.ts';

const LABELS: Record<ContactColumn, string> = {
  id: 'Id',
  name: 'Name or role',
  role: 'Role',
  organisation: 'Organisation',
  parish: 'Parish',
  phone: 'Phone',
  out_of_hours_phone: 'Out-of-hours phone',
  email: 'Email',
  visibility: 'Who can see this contact',
  last_verified: 'Last verified',
  retired: 'Retired',
};
const fieldId = (column: ContactColumn) => `contact-${column}`;

function initialValues(contact: Contact | null, parishCode: string): Record<ContactColumn, string> {
  if (contact) return contactToRow(contact);
  return {
    id: '',
    name: '',
    role: '',
    organisation: '',
    parish: parishCode,
    phone: '',
    out_of_hours_phone: '',
    email: '',
    visibility: 'restricted',
    last_verified: ukToday(new Date()),
    retired: 'no',
  };
}

function ContactForm({
  contact,
  wards,
  parishes,
  partnerNames,
}: {
  contact: Contact | null;
  wards: readonly Ward[];
  parishes: readonly Parish[];
  partnerNames: readonly string[];
}) {
  const parishFromAddress = new URLSearchParams(location.search).get('parish') ?? '';
  const form = useEditForm(initialValues(contact, parishFromAddress), LABELS);
  const { text, select } = columnFields(form, LABELS, fieldId);

  const save = async () => {
    const read = contactFromRow(form.values, contact, formContext({ wards, parishes }));
    if (!read.ok) return form.fail(read.errors);
    form.setErrors({});
    const unchanged = contact && sameValue({ ...read.record, updatedAt: '' }, { ...contact, updatedAt: '' });
    try {
      // Opened from a review round: saving counts as checked there, changed or not.
      if (!unchanged) await saveRecord(localDatabase, 'contact', read.record);
      await form.draft.discard();
      const back = await checkFromEditForm('contact', read.record.id, !unchanged);
      navigate(back ?? `/contacts/${read.record.id}`);
    } catch (failure) {
      form.setSaveError(notSavedMessage(failure, 'The changes'));
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit.once(save);
  };

  return (
    <form className="edit-form" noValidate onSubmit={onSubmit}>
      <DraftNotice draft={form.draft} />
      <ErrorSummary ref={form.summaryRef} errors={form.summary(fieldId)} />
      {text('name', { hint: 'A person, or a role such as "Duty manager".', autoComplete: 'name' })}
      {text('role', { hint: 'e.g. Parish clerk, Emergency coordinator.' })}
      {text('organisation', {
        hint: 'The organisation they act for. Give this or the parish, or both.',
        list: 'partner-names',
      })}
      <datalist id="partner-names">
        {partnerNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {select('parish', [
        { value: '', label: 'No parish' },
        ...parishes.map((parish) => ({ value: parish.code, label: parish.name })),
      ])}
      {text('phone', { type: 'tel', hint: 'Digits and spaces, e.g. 01632 960123.' })}
      {text('out_of_hours_phone', { type: 'tel', hint: 'Leave blank if none.' })}
      {text('email', { type: 'email' })}
      {select('visibility', [
        { value: 'restricted', label: 'Restricted: council staff, and the coordinator of its own parish' },
        { value: 'public', label: 'Public: anyone using the directory' },
      ])}
      {text('last_verified', { type: 'date', hint: 'When their details were last confirmed.' })}
      <SaveOrCancel
        saveError={form.saveError}
        busy={form.submit.busy}
        save="Save contact"
        cancelTo={reviewReturnPath() ?? (contact ? `/contacts/${contact.id}` : '/directory')}
        onCancel={() => void form.draft.discard()}
      />
    </form>
  );
}

export function ContactEditScreen({ params: [id] }: { params: string[] }) {
  const contact = useLiveQuery(
    async () => (id ? ((await localDatabase.contacts.get(id)) ?? null) : null),
    [id],
  );
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());
  const partnerNames = useLiveQuery(async () =>
    [...new Set((await localDatabase.partners.toArray()).map((partner) => partner.name))].sort(compareNames),
  );
  const title = id ? `Edit ${contact ? isolated(contact.name) : 'contact'}` : 'New contact';

  const ready =
    contact !== undefined && wards !== undefined && parishes !== undefined
      ? { contact, wards, parishes }
      : undefined;

  return (
    <EditPage title={title} what="contact" ready={ready} missing={Boolean(id) && contact === null}>
      {(loaded) => (
        <ContactForm
          key={loaded.contact?.id ?? 'new'}
          contact={loaded.contact}
          wards={loaded.wards}
          parishes={loaded.parishes}
          partnerNames={partnerNames ?? []}
        />
      )}
    </EditPage>
  );
}
