// Log a request for help: what is needed, where, for whom (kept minimal), how urgent. Saved on this
// device first (works offline) and sent with the next sync. A parish coordinator can place requests in
// their own parish only, because the server refuses the rest; the picker offers nothing else. A
// retired parish is not offered at all (see useArea).
import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, TextField } from '../directory/FormFields.tsx';
import { placeNameNow } from '../../../domain/geo/placeName.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { navigate, Link } from '../../router.tsx';
import { REQUEST_SOURCES } from '../../../domain/entities/request.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { useSessionUser } from '../../useSessionUser.ts';
import { useArea, type AreaLists } from './useArea.ts';
import { logRequest } from './requestActions.ts';
import { useOnline } from '../../useOnline.ts';
import { NeedsPicker } from '../../components/NeedsPicker.tsx';
import { UrgencyPicker } from '../../components/UrgencyPicker.tsx';
import {
  FIELD_NAMES,
  checkRequest,
  initialValues,
  type FormErrors,
  type RequestFormValues,
} from './requestForm.ts';
import { useDraft } from '../device/useDraft.ts';
import { DraftNotice } from '../device/DraftNotice.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { BusyButton } from '../../components/BusyButton.tsx';

export function NewRequestScreen() {
  const user = useSessionUser();
  const area = useArea(user);
  if (!user || !area) return <p role="status">Loading…</p>;
  return <RequestForm user={user} area={area} />;
}

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** The error line under a field, referenced by the field's aria-describedby. */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="form-error" id={id}>
      {sentence(message)}
    </p>
  ) : null;
}

/** The control each error links to, so the summary's links move focus to the field to fix. */
const FIELD_IDS: Record<keyof FormErrors, string> = {
  needs: 'request-needs',
  place: 'request-place',
  address: 'request-address',
  name: 'request-name',
  phone: 'request-phone',
  households: 'request-households',
};

const describedBy = (errors: FormErrors, field: keyof FormErrors, hint?: string) =>
  [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

function RequestForm({ user, area }: { user: User; area: AreaLists }) {
  const incidents = useLiveQuery(() => localDatabase.incidents.where('status').equals('open').toArray());
  // Kept as typed, so a reload, an update or a crash gives it back.
  const draft = useDraft<RequestFormValues>('/requests/new', () => {
    const initial = initialValues(user);
    // A coordinator's own parish is chosen for them, unless it is retired and so not on offer.
    const offered = area.ownParishes.some((parish) => `parish:${parish.code}` === initial.place);
    return initial.place.startsWith('parish:') && !offered ? { ...initial, place: '' } : initial;
  });
  const { values } = draft;
  const [errors, setErrors] = useState<FormErrors>({});
  const summary = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const coordinator = user.role === 'parish_coordinator';
  const online = useOnline();

  const set = <K extends keyof RequestFormValues>(key: K, value: RequestFormValues[K]) =>
    draft.set(key)(value);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRequest(values, user);
    if (checked.errors) {
      setErrors(checked.errors);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveError(null);
    try {
      // Keep the place's name with the request, so it still reads after a boundary import.
      const name = placeNameNow(checked.request.place, area.wardMap, area.parishMap);
      const request = name
        ? { ...checked.request, place: { ...checked.request.place, name } }
        : checked.request;
      await logRequest(localDatabase, request, user);
      await draft.discard();
      navigate(`/requests/${request.id}`);
    } catch (failure) {
      setSaveError(notSavedMessage(failure, 'The request'));
      setSaving(false);
    }
  };

  const problems = Object.entries(errors) as [keyof FormErrors, string][];
  const invalid = (field: keyof FormErrors) => (errors[field] ? true : undefined);
  /** A labelled text box; its id follows the field (request-name), as the error summary expects. */
  const textBox = (
    field: 'address' | 'name' | 'phone' | 'households',
    label: string,
    { type, inputMode }: { type?: 'tel'; inputMode?: 'numeric' } = {},
  ) => (
    <TextField
      id={FIELD_IDS[field]}
      label={label}
      type={type}
      inputMode={inputMode}
      value={values[field]}
      error={errors[field] && sentence(errors[field])}
      onChange={(value) => set(field, value)}
    />
  );

  return (
    <>
      <p>
        <Link to="/requests">← All requests</Link>
      </p>
      <h1 tabIndex={-1}>Log a request</h1>
      {!online && (
        <p className="banner warning">
          You are offline. The request is saved on this device and sent when the network is back.
        </p>
      )}
      {area.wards.length === 0 && (
        <p className="empty">No wards on this device yet. Connect once to download the area.</p>
      )}
      <DraftNotice draft={draft} />
      {coordinator && area.ownParishes.length === 0 && (
        <div className="banner warning" role="alert">
          <p>
            Your account’s parish is not in this area’s list of parishes any more (it may have been renamed,
            retired or removed when the boundaries were updated), so there is nowhere to log a request for
            yet.
          </p>
          <p>
            Ask the council’s policy and information team (an administrator) to set your parish. In an
            emergency, phone the duty officer.
          </p>
        </div>
      )}
      <ErrorSummary
        ref={summary}
        errors={problems.map(([field, message]) => ({
          id: FIELD_IDS[field],
          text: `${FIELD_NAMES[field]}: ${message}`,
        }))}
      />
      <form className="request-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <NeedsPicker
          firstId="request-needs"
          needs={values.needs}
          onChange={(needs) => set('needs', needs)}
          describedBy={describedBy(errors, 'needs')}
        >
          <FieldError id="needs-error" message={errors.needs} />
        </NeedsPicker>

        <label htmlFor="request-place">Where?</label>
        <select
          id="request-place"
          value={values.place}
          aria-invalid={invalid('place')}
          aria-describedby={describedBy(errors, 'place')}
          onChange={(event) => set('place', event.target.value)}
        >
          {(!coordinator || area.ownParishes.length === 0) && (
            <option value="">Choose a ward or parish</option>
          )}
          {coordinator ? (
            area.ownParishes.map((parish) => (
              <option key={parish.code} value={`parish:${parish.code}`}>
                {parish.name} parish (anywhere in it)
              </option>
            ))
          ) : (
            <optgroup label="Parishes">
              {area.ownParishes.map((parish) => (
                <option key={parish.code} value={`parish:${parish.code}`}>
                  {parish.name} parish
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={coordinator ? 'Wards in your parish' : 'Wards'}>
            {area.ownWards.map((ward) => (
              <option key={ward.code} value={`ward:${ward.code}`}>
                {ward.name} ward{!coordinator && !ward.parished ? ' (unparished)' : ''}
              </option>
            ))}
          </optgroup>
        </select>
        <FieldError id="place-error" message={errors.place} />

        {textBox('address', 'Address or directions (optional)')}

        <fieldset aria-describedby="for-whom-hint">
          <legend>Who is it for?</legend>
          <p className="hint" id="for-whom-hint">
            Keep it minimal: a first name or initials, or the number of households for a community need.
          </p>
          {textBox('name', 'First name or initials')}
          {textBox('phone', 'Phone (optional)', { type: 'tel' })}
          {textBox('households', 'Households (for community needs)', { inputMode: 'numeric' })}
        </fieldset>

        <UrgencyPicker
          urgency={values.urgency}
          onChange={(urgency) => set('urgency', urgency)}
          name="request-urgency"
        />

        <label htmlFor="request-source">How did it come in?</label>
        <select
          id="request-source"
          value={values.source}
          onChange={(event) => set('source', event.target.value as RequestFormValues['source'])}
        >
          {REQUEST_SOURCES.map((source) => (
            <option key={source.id} value={source.id}>
              {source.label}
            </option>
          ))}
        </select>

        <label htmlFor="request-incident">Incident (optional)</label>
        <select
          id="request-incident"
          value={values.incidentId}
          onChange={(event) => set('incidentId', event.target.value)}
        >
          <option value="">Not part of an incident</option>
          {(incidents ?? []).map((incident) => (
            <option key={incident.id} value={incident.id}>
              {incident.name}
            </option>
          ))}
        </select>

        <FormProblem message={saveError} />
        <BusyButton type="submit" className="primary-action" busy={saving}>
          {saving ? 'Saving…' : 'Save request'}
        </BusyButton>
      </form>
    </>
  );
}
