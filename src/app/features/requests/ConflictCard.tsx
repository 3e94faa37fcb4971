// One open conflict, in words: which record and field, the value kept and who set it, the other value
// and who set it, and the two ways to settle it. Shown on the sync issues screen and on the request.
import { useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import type { Conflict } from '../../../domain/entities/conflict.ts';
import { fieldWords, valueWords } from './describe.ts';
import { keepConflictValue, takeOtherConflictValue } from './requestActions.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { Sentence } from '../../components/Sentence.tsx';
import { withoutIsolates } from '../../../domain/words/isolated.ts';

/** Clock stamps start with milliseconds since 1970: enough for "when" in words. */
function stampWords(stamp: string): string {
  const ms = Number(stamp.split('-')[0]);
  if (!Number.isFinite(ms) || ms <= 0) return '';
  return ` at ${new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`;
}

export function ConflictCard({ conflict, showRecord = true }: { conflict: Conflict; showRecord?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = fieldWords(conflict.field);
  const kept = valueWords(conflict.entity, conflict.field, conflict.keptValue);
  const other = valueWords(conflict.entity, conflict.field, conflict.otherValue);
  const title = showRecord ? `${conflict.recordLabel}: ${field}` : `Two people changed the ${field}`;

  const act = async (action: (conflict: Conflict) => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action(conflict);
    } catch (failure) {
      // A reason of ours (the record has gone) is said as it is; a failure of the device's storage in words.
      setError(
        failure instanceof Error && failure.name === 'Error'
          ? failure.message
          : notSavedMessage(failure, 'Your choice'),
      );
      setBusy(false);
    }
  };

  return (
    <li className="card conflict-card" aria-label={`Conflict: ${title}`}>
      <p className="card-title">{title}</p>
      <dl className="facts">
        <dt>Kept</dt>
        <dd>
          <Sentence text={kept} /> — set by <bdi>{conflict.keptBy}</bdi>
          {stampWords(conflict.keptAt)}
        </dd>
        <dt>The other value</dt>
        <dd>
          <Sentence text={other} /> — set by <bdi>{conflict.otherBy}</bdi>
          {stampWords(conflict.otherAt)}
        </dd>
      </dl>
      <div className="conflict-actions">
        <button
          type="button"
          disabled={busy}
          aria-label={`Keep this: ${withoutIsolates(kept)}`}
          onClick={() => void act((c) => keepConflictValue(localDatabase, c))}
        >
          Keep this
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={`Use the other value: ${withoutIsolates(other)}`}
          onClick={() => void act((c) => takeOtherConflictValue(localDatabase, c))}
        >
          Use the other value
        </button>
      </div>
      <FormProblem message={error} />
    </li>
  );
}
