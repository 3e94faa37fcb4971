// Starting a review round (admins): a name and a due date. The round covers the whole directory as it
// stands on this device, split into sections; it is saved here first and synced.
import { useState, type FormEvent } from 'react';
import { reviewRoundSchema, type ReviewRound } from '../../../domain/review/reviewRound.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { startRound } from './reviewActions.ts';

/** The end of the quarter after today, as a sensible default due date. */
function endOfQuarter(today: Date): string {
  const quarterEndMonth = Math.floor(today.getUTCMonth() / 3) * 3 + 3;
  return new Date(Date.UTC(today.getUTCFullYear(), quarterEndMonth, 0)).toISOString().slice(0, 10);
}

function defaultName(today: Date): string {
  return `Quarterly review ${today.getUTCFullYear()} Q${Math.floor(today.getUTCMonth() / 3) + 1}`;
}

export function StartRoundForm({ user, onStarted }: { user: User; onStarted: (round: ReviewRound) => void }) {
  const [name, setName] = useState(() => defaultName(new Date()));
  const [dueDate, setDueDate] = useState(() => endOfQuarter(new Date()));
  const [errors, setErrors] = useState<{ name?: string; dueDate?: string }>({});
  const [saveError, setSaveError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = reviewRoundSchema.pick({ name: true, dueDate: true }).safeParse({ name, dueDate });
    if (!checked.success) {
      const found: { name?: string; dueDate?: string } = {};
      for (const issue of checked.error.issues) found[issue.path[0] as 'name' | 'dueDate'] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    try {
      onStarted(await startRound(user, checked.data));
    } catch {
      setSaveError('Could not save on this device. Try again; if it keeps failing, reload the page.');
    }
  };

  return (
    <section aria-labelledby="start-round-heading">
      <h2 id="start-round-heading">Start a round</h2>
      <form className="edit-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className={`field${errors.name ? ' has-error' : ''}`}>
          <label htmlFor="round-name">Name of the round</label>
          {errors.name && (
            <p className="field-error" id="round-name-error">
              <span className="visually-hidden">Error: </span>
              {errors.name}
            </p>
          )}
          <input
            id="round-name"
            value={name}
            maxLength={120}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'round-name-error' : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className={`field${errors.dueDate ? ' has-error' : ''}`}>
          <label htmlFor="round-due">Due date</label>
          {errors.dueDate && (
            <p className="field-error" id="round-due-error">
              <span className="visually-hidden">Error: </span>
              {errors.dueDate}
            </p>
          )}
          <input
            id="round-due"
            type="date"
            value={dueDate}
            aria-invalid={errors.dueDate ? true : undefined}
            aria-describedby={errors.dueDate ? 'round-due-error' : undefined}
            onChange={(event) => setDueDate(event.target.value)}
          />
        </div>
        {saveError && (
          <p className="form-error" role="alert">
            {saveError}
          </p>
        )}
        <button type="submit">Start round</button>
      </form>
    </section>
  );
}
