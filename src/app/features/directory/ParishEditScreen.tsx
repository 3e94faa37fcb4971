// Create or edit a parish (admins): its wards, community emergency plan and Parish Charter role.
// Saved on this device with its outbox entry, so it works offline. A parish's code is its key, so it
// is chosen once, when the parish is created. Retiring a parish is done on its page (ParishScreen).
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import { parishFromRow, parishToRow, type ParishColumn } from '../../../domain/csv/parishRow.ts';
import { sameValue } from '../../../domain/sync/merge.ts';
import { navigate } from '../../router.tsx';
import { EditPage, SaveOrCancel } from './EditPage.tsx';
import { DraftNotice } from '../device/DraftNotice.tsx';
import { ErrorSummary } from './FormFields.tsx';
import { columnFields } from './columnFields.tsx';
import { useEditForm } from './useEditForm.ts';
import { notSavedMessage } from '../../store/storageFull.ts';
import { isolated } from '../../../domain/words/isolated.ts';

const LABELS: Record<ParishColumn, string> = {
  code: 'Code',
  name: 'Name',
  wards: 'Wards it lies in',
  plan: 'Has a community emergency plan',
  plan_link: 'Link to the plan',
  charter_agreed: 'Emergency role agreed under the Parish Charter',
  charter_date: 'Date the role was agreed',
};
const fieldId = (column: ParishColumn) => `parish-${column}`;
const EMPTY: Record<ParishColumn, string> = {
  code: '',
  name: '',
  wards: '',
  plan: 'no',
  plan_link: '',
  charter_agreed: 'no',
  charter_date: '',
};
const pageOf = (code: string) => `/parishes/${encodeURIComponent(code)}`;

function ParishForm({
  parish,
  wards,
  parishes,
}: {
  parish: Parish | null;
  wards: readonly Ward[];
  parishes: readonly Parish[];
}) {
  const form = useEditForm(parish ? parishToRow(parish) : EMPTY, LABELS);
  const { text, yes, picker } = columnFields(form, LABELS, fieldId);

  const save = async () => {
    const read = parishFromRow(form.values, parish, { wards, parishes });
    if (!read.ok) return form.fail(read.errors);
    form.setErrors({});
    if (parish && sameValue(read.record, parish)) return navigate(pageOf(parish.code));
    try {
      await saveRecord(localDatabase, 'parish', read.record);
      await form.draft.discard();
      navigate(pageOf(read.record.code));
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
      {parish ? (
        <p>
          Code: <strong>{parish.code}</strong> (a parish keeps its code)
        </p>
      ) : (
        text('code', {
          hint: 'Letters, digits, - and _ only, e.g. the ONS code E04005050. Cannot be changed later.',
        })
      )}
      {text('name', { hint: 'Without the word "parish", e.g. Marden.' })}
      {picker(
        'wards',
        wards.map((ward) => ({ value: ward.code, label: ward.name })),
      )}
      {yes('plan')}
      {text('plan_link', {
        type: 'url',
        inputMode: 'url',
        hint: 'A web address starting https://, or blank.',
      })}
      {yes('charter_agreed')}
      {text('charter_date', { type: 'date' })}
      <SaveOrCancel
        saveError={form.saveError}
        busy={form.submit.busy}
        save="Save parish"
        cancelTo={parish ? pageOf(parish.code) : '/directory'}
        onCancel={() => void form.draft.discard()}
      />
    </form>
  );
}

export function ParishEditScreen({ params: [code] }: { params: string[] }) {
  const parish = useLiveQuery(
    async () => (code ? ((await localDatabase.parishes.get(code)) ?? null) : null),
    [code],
  );
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.toArray());
  const title = code ? `Edit ${parish ? `${isolated(parish.name)} parish` : 'parish'}` : 'New parish';

  const ready =
    parish !== undefined && wards !== undefined && parishes !== undefined
      ? { parish, wards, parishes }
      : undefined;

  return (
    <EditPage title={title} what="parish" ready={ready} missing={Boolean(code) && parish === null}>
      {(loaded) => (
        <ParishForm
          key={loaded.parish?.code ?? 'new'}
          parish={loaded.parish}
          wards={loaded.wards}
          parishes={loaded.parishes}
        />
      )}
    </EditPage>
  );
}
