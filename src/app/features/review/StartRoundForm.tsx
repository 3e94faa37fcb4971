// Starting a review round (admins): a name and a due date. The round covers the whole directory as it
// stands on this device, split into sections; it is saved here first and synced. What is typed is kept
// on this device until the round starts (useDraft).
import { plainMessage } from '../../../domain/api/apiError.ts';
import { useRef, useState, type FormEvent } from 'react';
import { reviewRoundSchema, type ReviewRound } from '../../../domain/review/reviewRound.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { ErrorSummary, TextField } from '../directory/FormFields.tsx';
import { startRound } from './reviewActions.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { useOneSubmit } from '../../components/useOneSubmit.ts';
import { useDraft } from '../device/useDraft.ts';
import { DraftNotice } from '../device/DraftNotice.tsx';

/** The end of the quarter after today, as a sensible default due date. */
function endOfQuarter(today: Date): string {
  const quarterEndMonth = Math.floor(today.getUTCMonth() / 3) * 3 + 3;
  return new Date(Date.UTC(today.getUTCFullYear(), quarterEndMonth, 0)).toISOString().slice(0, 10);
}

function defaultName(today: Date): string {
  return `Quarterly review ${today.getUTCFullYear()} Q${Math.floor(today.getUTCMonth() / 3) + 1}`;
}

const FIELDS = [
  { key: 'name', id: 'round-name', label: 'Name of the round' },
  { key: 'dueDate', id: 'round-due', label: 'Due date' },
] as const;
type Errors = { name?: string; dueDate?: string };

export function StartRoundForm({ user, onStarted }: { user: User; onStarted: (round: ReviewRound) => void }) {
  const draft = useDraft('/review#start', () => ({
    name: defaultName(new Date()),
    dueDate: endOfQuarter(new Date()),
  }));
  const { name, dueDate } = draft.values;
  const [errors, setErrors] = useState<Errors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  // A double tap on Start round starts one round, not two.
  const submit = useOneSubmit();

  const start = async () => {
    const checked = reviewRoundSchema.pick({ name: true, dueDate: true }).safeParse({ name, dueDate });
    if (!checked.success) {
      const found: Errors = {};
      for (const issue of checked.error.issues) found[issue.path[0] as keyof Errors] ??= plainMessage(issue);
      setErrors(found);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    try {
      const round = await startRound(user, checked.data);
      await draft.discard();
      onStarted(round);
    } catch (failure) {
      setSaveError(notSavedMessage(failure, 'The review round'));
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.once(start);
  };

  return (
    <section aria-labelledby="start-round-heading">
      <h2 id="start-round-heading">Start a round</h2>
      <ErrorSummary
        ref={summary}
        errors={FIELDS.flatMap(({ key, id, label }) => {
          const message = errors[key];
          return message ? [{ id, text: `${label}: ${message}` }] : [];
        })}
      />
      <form className="edit-form" noValidate onSubmit={onSubmit}>
        <DraftNotice draft={draft} />
        <TextField
          id="round-name"
          label="Name of the round"
          value={name}
          onChange={draft.set('name')}
          error={errors.name}
        />
        <TextField
          id="round-due"
          label="Due date"
          type="date"
          value={dueDate}
          onChange={draft.set('dueDate')}
          error={errors.dueDate}
        />
        <FormProblem message={saveError} />
        <BusyButton type="submit" busy={submit.busy}>
          Start round
        </BusyButton>
      </form>
    </section>
  );
}
