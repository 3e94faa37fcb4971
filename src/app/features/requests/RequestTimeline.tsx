// A request's timeline: who did what, when, oldest first (the latest page shown, earlier ones on
// demand: a long request's timeline can run to thousands of entries), and a box to add a note. Entries
// are only ever added, so two people writing at once both keep their words and nothing can conflict.
// A note half-written is kept on this device as it is typed (useDraft), so a reload, an update
// accepted or the phone closing the tab gives it back.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { addNote } from './requestActions.ts';
import { dateTimeWords } from './describe.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { useDraft } from '../device/useDraft.ts';
import { DraftNotice } from '../device/DraftNotice.tsx';
import { BusyButton } from '../../components/BusyButton.tsx';
import { Sentence } from '../../components/Sentence.tsx';
import { isolatingNames } from '../../../domain/words/isolated.ts';

const NOTE_MAX = 2000;

export function RequestTimeline({
  requestId,
  user,
  names,
}: {
  requestId: string;
  user: User;
  /** Names the app's own lines may hold ("Assigned to …"), isolated where they are shown. */
  names: readonly string[];
}) {
  const entries = useLiveQuery(
    () => localDatabase.timeline.where('requestId').equals(requestId).sortBy('at'),
    [requestId],
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // One draft per request: a note begun on one request never turns up on another.
  const draft = useDraft(`/requests/${requestId}#note`, { note: '' });
  const { note } = draft.values;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (text === '') {
      setError('Write the note first.');
      return;
    }
    if (text.length > NOTE_MAX) {
      setError(`A note is at most 2,000 characters; this one has ${text.length.toLocaleString('en-GB')}.`);
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await addNote(localDatabase, requestId, text, user);
      // The box empties and its draft goes; what is typed next is kept afresh.
      draft.startAgain();
    } catch (failure) {
      setError(notSavedMessage(failure, 'The note'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="timeline-heading" className="timeline">
      <h2 id="timeline-heading">Timeline</h2>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <DraftNotice draft={draft} />
        <label htmlFor="note">Add a note</label>
        <textarea
          id="note"
          rows={3}
          value={note}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'note-error' : undefined}
          onChange={(event) => draft.set('note')(event.target.value)}
        />
        {error && (
          <p className="form-error" id="note-error" role="alert">
            {error}
          </p>
        )}
        <BusyButton type="submit" busy={saving}>
          Add note
        </BusyButton>
      </form>
      {entries === undefined ? (
        <p role="status">Loading the timeline…</p>
      ) : entries.length === 0 ? (
        <p className="empty">Nothing on the timeline yet.</p>
      ) : (
        <PagedList
          items={entries}
          label="Timeline"
          className="timeline-list"
          ordered
          showLatest
          render={(entry) => (
            <li key={entry.id}>
              <p className="card-meta">
                <strong>
                  <bdi>{entry.byName}</bdi>
                </strong>{' '}
                · <time dateTime={entry.at}>{dateTimeWords(entry.at)}</time>
              </p>
              {entry.kind === 'note' ? (
                // A note is the person's own words, in whatever direction they wrote.
                <p className="timeline-text" dir="auto">
                  {entry.text}
                </p>
              ) : (
                <p className="timeline-text">
                  <Sentence text={isolatingNames(entry.text, names)} />
                </p>
              )}
            </li>
          )}
        />
      )}
    </section>
  );
}
