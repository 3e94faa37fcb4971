// Create or edit a partner (admins). The form is read by the same code as a CSV row and checked
// against the shared partner schema; it is saved on this device with its outbox entry, so it works
// offline and the sync status shows it waiting. Retiring sets the status to closed.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import type { Partner } from '../../../domain/entities/partner.ts';
import { partnerFromRow, partnerToRow, type PartnerColumn } from '../../../domain/csv/partnerRow.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { sameValue } from '../../../domain/sync/merge.ts';
import { navigate } from '../../router.tsx';
import { EditPage, SaveOrCancel } from './EditPage.tsx';
import { DraftNotice } from '../device/DraftNotice.tsx';
import { ErrorSummary, FormActions } from './FormFields.tsx';
import { formContext, useEditForm } from './useEditForm.ts';
import { checkFromEditForm, reviewReturnPath } from '../review/reviewActions.ts';
import { PARTNER_LABELS, PartnerFields, partnerFieldId } from './PartnerFields.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { isolated } from '../../../domain/words/isolated.ts';

function initialValues(partner: Partner | null): Record<PartnerColumn, string> {
  if (!partner) {
    return {
      ...Object.fromEntries(Object.keys(PARTNER_LABELS).map((column) => [column, ''])),
      kind: 'voluntary_group',
      status: 'active',
      borough_wide: 'no',
      always_open: 'no',
      emergency_plan_agreed: 'no',
      local_compact_signed: 'no',
      listed_publicly: 'no',
      last_verified: ukToday(new Date()),
    } as Record<PartnerColumn, string>;
  }
  // The form's checkboxes and list hold ids; the CSV's words are for people.
  return { ...partnerToRow(partner), kind: partner.kind, capabilities: partner.capabilities.join('; ') };
}

function PartnerForm({
  partner,
  wards,
  parishes,
}: {
  partner: Partner | null;
  wards: readonly Ward[];
  parishes: readonly Parish[];
}) {
  const form = useEditForm(initialValues(partner), PARTNER_LABELS);
  const [confirmRetire, setConfirmRetire] = useState(false);

  const save = async (record: Partner) => {
    form.setSaveError(null);
    try {
      await saveRecord(localDatabase, 'partner', record);
      await form.draft.discard();
      // Opened from a review round: saving counts as checked there.
      navigate((await checkFromEditForm('partner', record.id, true)) ?? `/partners/${record.id}`);
    } catch (failure) {
      form.setSaveError(notSavedMessage(failure, 'The changes'));
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit.once(async () => {
      const read = partnerFromRow(form.values, partner, formContext({ wards, parishes }));
      if (!read.ok) return form.fail(read.errors);
      form.setErrors({});
      // Nothing changed: nothing to send.
      if (partner && sameValue({ ...read.record, updatedAt: '' }, { ...partner, updatedAt: '' })) {
        navigate((await checkFromEditForm('partner', partner.id, false)) ?? `/partners/${partner.id}`);
        return;
      }
      await save(read.record);
    });
  };
  const retire = () => {
    if (partner)
      void form.submit.once(() =>
        save({ ...partner, status: 'closed', updatedAt: new Date().toISOString() }),
      );
  };

  return (
    <form className="edit-form" noValidate onSubmit={onSubmit}>
      <DraftNotice draft={form.draft} />
      <ErrorSummary ref={form.summaryRef} errors={form.summary(partnerFieldId)} />
      <PartnerFields
        values={form.values}
        set={form.set}
        errorOf={form.errorOf}
        wards={wards}
        parishes={parishes}
      />
      <SaveOrCancel
        saveError={form.saveError}
        busy={form.submit.busy}
        save="Save partner"
        cancelTo={reviewReturnPath() ?? (partner ? `/partners/${partner.id}` : '/directory')}
        onCancel={() => void form.draft.discard()}
      />
      {partner && partner.status !== 'closed' && (
        <section className="retire" aria-labelledby="retire-heading">
          <h2 id="retire-heading">Retire this partner</h2>
          <p>A retired partner stays on record with status closed, and is never offered to help.</p>
          {confirmRetire ? (
            <FormActions>
              <button type="button" className="danger" onClick={retire}>
                <span>
                  Yes, retire <bdi>{partner.name}</bdi>
                </span>
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmRetire(false)}>
                Keep it
              </button>
            </FormActions>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirmRetire(true)}>
              Retire this partner
            </button>
          )}
        </section>
      )}
    </form>
  );
}

export function PartnerEditScreen({ params: [id] }: { params: string[] }) {
  const partner = useLiveQuery(
    async () => (id ? ((await localDatabase.partners.get(id)) ?? null) : null),
    [id],
  );
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());
  const title = id ? `Edit ${partner ? isolated(partner.name) : 'partner'}` : 'New partner';

  const ready =
    partner !== undefined && wards !== undefined && parishes !== undefined
      ? { partner, wards, parishes }
      : undefined;

  return (
    <EditPage title={title} what="partner" ready={ready} missing={Boolean(id) && partner === null}>
      {(loaded) => (
        // keyed so the form starts again from the stored partner if another is opened
        <PartnerForm
          key={loaded.partner?.id ?? 'new'}
          partner={loaded.partner}
          wards={loaded.wards}
          parishes={loaded.parishes}
        />
      )}
    </EditPage>
  );
}
