// "Open an incident": name, type, when it started and the wards affected, checked with the same
// schema the server uses. The start defaults to now, because an incident is usually opened as it begins.
// What is typed is kept on this device until the incident is opened (useDraft).
import { useRef, useState, type FormEvent } from 'react';
import { CheckboxGroup, ErrorSummary, SelectField, TextField } from '../directory/FormFields.tsx';
import { localDatabase } from '../../store/localDatabase.ts';
import { INCIDENT_TYPES, incidentSchema, type Incident } from '../../../domain/entities/request.ts';
import type { Ward } from '../../../domain/geo/area.ts';
import { saveIncident } from './requestActions.ts';
import { notSavedMessage } from '../../store/storageFull.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { useOneSubmit } from '../../components/useOneSubmit.ts';
import { useDraft } from '../device/useDraft.ts';
import { DraftNotice } from '../device/DraftNotice.tsx';
import { Sentence } from '../../components/Sentence.tsx';
import { isolated } from '../../../domain/words/isolated.ts';

type IncidentType = Incident['type'];

const TYPE_OPTIONS = INCIDENT_TYPES.map((option) => ({ value: option.id, label: option.label }));

/** Now, as a datetime-local input wants it (local time, to the minute). */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const emptyForm = () => ({
  name: '',
  type: 'flood' as IncidentType,
  start: localNow(),
  wardCodes: [] as string[],
});

export function IncidentForm({ wards }: { wards: readonly Ward[] }) {
  const draft = useDraft('/incidents#open', emptyForm);
  const { name, type, start, wardCodes } = draft.values;
  const [errors, setErrors] = useState<{ name?: string; start?: string }>({});
  const summary = useRef<HTMLDivElement>(null);
  // After a failed save, focus moves to the summary, which links to each field to fix.
  const focusSummary = () => requestAnimationFrame(() => summary.current?.focus());
  const [saved, setSaved] = useState<string | null>(null);
  // A double tap on Open incident opens one incident, not two.
  const submit = useOneSubmit();
  // Just opened, and nothing changed since: a second tap landing after the save has ended (the form
  // already emptied) opens nothing, and the "is open" line stays, instead of asking for a name.
  const justOpened = useRef(false);
  const changing =
    <K extends keyof ReturnType<typeof emptyForm>>(field: K) =>
    (value: ReturnType<typeof emptyForm>[K]) => {
      justOpened.current = false;
      draft.set(field)(value);
    };

  const openIncident = async () => {
    if (justOpened.current) return;
    setSaved(null);
    const startDate = new Date(start);
    if (Number.isNaN(startDate.getTime())) {
      setErrors({ start: 'Give the date and time it started' });
      focusSummary();
      return;
    }
    const now = new Date().toISOString();
    const incident: Incident = {
      id: crypto.randomUUID(),
      name: name.trim(),
      type,
      startedAt: startDate.toISOString(),
      endedAt: null,
      status: 'open',
      wardCodes,
      updatedAt: now,
    };
    const parsed = incidentSchema.safeParse(incident);
    if (!parsed.success) {
      const nameIssue = parsed.error.issues.find((issue) => issue.path[0] === 'name');
      setErrors({ name: nameIssue ? 'Give the incident a name (at most 200 characters)' : undefined });
      focusSummary();
      return;
    }
    setErrors({});
    try {
      await saveIncident(localDatabase, parsed.data);
    } catch (failure) {
      setSaved(notSavedMessage(failure, 'The incident'));
      return;
    }
    justOpened.current = true;
    setSaved(`“${isolated(incident.name)}” is open.`);
    // The form empties for the next incident, and its draft goes.
    draft.startAgain(emptyForm());
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.once(openIncident);
  };

  return (
    <section aria-labelledby="open-incident-heading" className="incident-form">
      <h2 id="open-incident-heading">Open an incident</h2>
      <ErrorSummary
        ref={summary}
        errors={[
          ...(errors.name ? [{ id: 'incident-name', text: `Name: ${errors.name}` }] : []),
          ...(errors.start ? [{ id: 'incident-start', text: `Started: ${errors.start}` }] : []),
        ]}
      />
      <form onSubmit={onSubmit} noValidate>
        <DraftNotice draft={draft} />
        <TextField
          id="incident-name"
          label="Name"
          value={name}
          onChange={changing('name')}
          error={errors.name}
        />
        <SelectField
          id="incident-type"
          label="Type"
          value={type}
          onChange={(value) => changing('type')(value as IncidentType)}
          options={TYPE_OPTIONS}
        />
        <TextField
          id="incident-start"
          label="Started"
          type="datetime-local"
          value={start}
          onChange={changing('start')}
          error={errors.start}
        />
        <CheckboxGroup
          id="incident-wards"
          label="Wards affected"
          hint={wards.length === 0 ? 'No wards on this device yet.' : undefined}
          chosen={wardCodes}
          onChange={changing('wardCodes')}
          options={wards.map((ward) => ({ value: ward.code, label: ward.name }))}
        />
        <BusyButton type="submit" busy={submit.busy}>
          Open incident
        </BusyButton>
        <p role="status" className="count">
          {saved && <Sentence text={saved} />}
        </p>
      </form>
    </section>
  );
}
