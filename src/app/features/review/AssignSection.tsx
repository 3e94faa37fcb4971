// Assigning a section of a round to a person (admins). Only administrators may confirm directory
// records, so the choice is among them; "me" is always offered, so a section can be taken offline.
import { useId, useState } from 'react';
import type { ManagedUser } from '../../../domain/accounts/people.ts';
import type { ReviewAssignment } from '../../../domain/review/reviewRound.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { assignSection } from './reviewActions.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';

export function AssignSection({
  roundId,
  section,
  sectionName,
  assigned,
  user,
  people,
}: {
  roundId: string;
  section: string;
  sectionName: string;
  assigned: ReviewAssignment | undefined;
  user: User;
  /** The council's administrators, or null when the list cannot be fetched (offline). */
  people: readonly ManagedUser[] | null;
}) {
  const id = useId();
  const [choice, setChoice] = useState(assigned?.assigneeId ?? '');
  const [error, setError] = useState<string | null>(null);
  const options = new Map<string, string>();
  options.set(user.id, `${user.displayName} (me)`);
  if (assigned?.assigneeId) options.set(assigned.assigneeId, assigned.assigneeName);
  for (const person of people ?? [])
    if (person.role === 'admin' && !person.disabled && !options.has(person.id))
      options.set(person.id, person.displayName);

  const save = async () => {
    setError(null);
    const name = options.get(choice);
    try {
      await assignSection(
        roundId,
        section,
        choice && name ? { id: choice, displayName: name.replace(/ \(me\)$/, '') } : null,
      );
    } catch (failure) {
      setError(notSavedMessage(failure, 'Who checks this section'));
    }
  };
  return (
    <div className="assign-row">
      <div>
        <label htmlFor={id}>Assign {sectionName} to</label>
        <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">Nobody</option>
          {[...options].map(([personId, name]) => (
            <option key={personId} value={personId}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="secondary" onClick={() => void save()}>
        Save assignment<span className="visually-hidden"> for {sectionName}</span>
      </button>
      {people === null && <p className="hint">Connect to choose from every administrator.</p>}
      <FormProblem message={error} />
    </div>
  );
}
