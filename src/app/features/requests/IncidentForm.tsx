// "Open an incident": name, type, when it started and the wards affected, checked with the same
// schema the server uses. The start defaults to now, because an incident is usually opened as it begins.
import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../directory/FormFields.tsx';
import { localDatabase } from '../../store/localDatabase.ts';
import { INCIDENT_TYPES, incidentSchema, type Incident } from '../../../domain/entities/request.ts';
import type { Ward } from '../../../domain/geo/area.ts';
import { saveIncident } from './requestActions.ts';

type IncidentType = Incident['type'];

/** Now, as a datetime-local input wants it (local time, to the minute). */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function IncidentForm({ wards }: { wards: readonly Ward[] }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<IncidentType>('flood');
  const [start, setStart] = useState(localNow);
  const [wardCodes, setWardCodes] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ name?: string; start?: string }>({});
  const summary = useRef<HTMLDivElement>(null);
  // After a failed save, focus moves to the summary, which links to each field to fix.
  const focusSummary = () => requestAnimationFrame(() => summary.current?.focus());
  const [saved, setSaved] = useState<string | null>(null);

  const toggleWard = (code: string) =>
    setWardCodes((current) =>
      current.includes(code) ? current.filter((c) => c !== code) : [...current, code],
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const startDate = new Date(start);
    if (Number.isNaN(startDate.getTime())) {
      setErrors({ start: 'give the date and time it started' });
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
      setErrors({ name: nameIssue ? 'give the incident a name (at most 200 characters)' : undefined });
      focusSummary();
      return;
    }
    setErrors({});
    try {
      await saveIncident(localDatabase, parsed.data);
    } catch {
      setSaved('The incident could not be saved on this device. Please try again.');
      return;
    }
    setSaved(`“${incident.name}” is open.`);
    setName('');
    setWardCodes([]);
    setStart(localNow());
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
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <label htmlFor="incident-name">Name</label>
        <input
          id="incident-name"
          autoComplete="off"
          value={name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'incident-name-error' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {errors.name && (
          <p className="form-error" id="incident-name-error">
            {errors.name}
          </p>
        )}
        <label htmlFor="incident-type">Type</label>
        <select
          id="incident-type"
          value={type}
          onChange={(event) => setType(event.target.value as IncidentType)}
        >
          {INCIDENT_TYPES.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <label htmlFor="incident-start">Started</label>
        <input
          id="incident-start"
          type="datetime-local"
          value={start}
          aria-invalid={errors.start ? true : undefined}
          aria-describedby={errors.start ? 'incident-start-error' : undefined}
          onChange={(event) => setStart(event.target.value)}
        />
        {errors.start && (
          <p className="form-error" id="incident-start-error">
            {errors.start}
          </p>
        )}
        <fieldset className="ward-checks">
          <legend>Wards affected</legend>
          {wards.length === 0 && <p className="empty">No wards on this device yet.</p>}
          {wards.map((ward) => (
            <label key={ward.code} className="inline">
              <input
                type="checkbox"
                checked={wardCodes.includes(ward.code)}
                onChange={() => toggleWard(ward.code)}
              />
              {ward.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">Open incident</button>
        <p role="status" className="count">
          {saved}
        </p>
      </form>
    </section>
  );
}
