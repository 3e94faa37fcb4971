// Create or edit a parish (admins): its wards, community emergency plan and Parish Charter role.
// Saved on this device with its outbox entry, so it works offline. A parish's code is its key, so it
// is chosen once, when the parish is created. Parishes have no status to retire them by.
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import type { Parish, Ward } from '../../../domain/area.ts';
import { parishFromRow, parishToRow, type ParishColumn } from '../../../domain/parishRow.ts';
import { sameValue } from '../../../domain/merge.ts';
import { listOf } from '../../../domain/csvValues.ts';
import { Link, navigate } from '../../router.tsx';
import { AdminOnly } from '../../directory/AdminOnly.tsx';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  FormActions,
  TextField,
} from '../../directory/FormFields.tsx';
import { SAVE_FAILED, useEditForm } from '../../directory/useEditForm.ts';

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
  const yes = (column: ParishColumn) => (
    <CheckboxField
      id={fieldId(column)}
      label={LABELS[column]}
      checked={form.values[column] === 'yes'}
      onChange={(checked) => form.set(column)(checked ? 'yes' : 'no')}
      error={form.errorOf(column)}
    />
  );
  const text = (column: ParishColumn, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={fieldId(column)}
      label={LABELS[column]}
      value={form.values[column]}
      onChange={form.set(column)}
      error={form.errorOf(column)}
      {...extra}
    />
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const read = parishFromRow(form.values, parish, { wards, parishes });
    if (!read.ok) return form.fail(read.errors);
    form.setErrors({});
    if (parish && sameValue(read.record, parish)) return navigate(pageOf(parish.code));
    try {
      await saveRecord(localDatabase, 'parish', read.record);
      navigate(pageOf(read.record.code));
    } catch {
      form.setSaveError(SAVE_FAILED);
    }
  };

  return (
    <form className="edit-form" noValidate onSubmit={(event) => void onSubmit(event)}>
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
      <CheckboxGroup
        id={fieldId('wards')}
        label={LABELS.wards}
        chosen={listOf(form.values.wards)}
        onChange={(chosen) => form.set('wards')(chosen.join('; '))}
        options={wards.map((ward) => ({ value: ward.code, label: ward.name }))}
        error={form.errorOf('wards')}
      />
      {yes('plan')}
      {text('plan_link', {
        type: 'url',
        inputMode: 'url',
        hint: 'A web address starting https://, or blank.',
      })}
      {yes('charter_agreed')}
      {text('charter_date', { type: 'date' })}
      {form.saveError && (
        <p className="form-error" role="alert">
          {form.saveError}
        </p>
      )}
      <FormActions>
        <button type="submit">Save parish</button>
        <Link className="button-link" to={parish ? pageOf(parish.code) : '/directory'}>
          Cancel
        </Link>
      </FormActions>
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
  const title = code ? `Edit ${parish ? `${parish.name} parish` : 'parish'}` : 'New parish';

  return (
    <AdminOnly title={title}>
      {parish === undefined || wards === undefined || parishes === undefined ? (
        <p role="status">Loading…</p>
      ) : code && parish === null ? (
        <>
          <h1 tabIndex={-1}>Parish not found</h1>
          <p className="empty">
            This parish is not on this device. <Link to="/directory">Back to the directory</Link>
          </p>
        </>
      ) : (
        <>
          <h1 tabIndex={-1}>{title}</h1>
          <p className="hint">Saved on this device first; it reaches everyone at the next sync.</p>
          <ParishForm key={parish?.code ?? 'new'} parish={parish} wards={wards} parishes={parishes} />
        </>
      )}
    </AdminOnly>
  );
}
