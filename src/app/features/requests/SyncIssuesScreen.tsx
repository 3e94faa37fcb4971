// Sync issues: the changes the server refused (what, and why, field by field) and the conflicts to
// settle. Nothing the server refuses is dropped silently: it stays here until a person dismisses it.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, type RejectedChange } from '../../store/localDatabase.ts';
import { entityWords, fieldWords, valueWords } from './describe.ts';
import { ConflictCard } from './ConflictCard.tsx';
import { timeAgo } from '../../timeAgo.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { Sentence } from '../../components/Sentence.tsx';

/** "A new request", "A change to a request's status and urgency". */
function whatChanged(change: RejectedChange): string {
  const fields = Object.keys(change.changes);
  const thing = entityWords(change.entity);
  const isNew = fields.includes('id') || fields.includes('code');
  if (isNew) return `A new ${thing}`;
  return `A change to a ${thing}’s ${fields.map(fieldWords).join(', ')}`;
}

/** A few words that say which record it was: the new record's own values where there are some. */
function whichRecord(change: RejectedChange): string {
  const { changes } = change;
  const parts = ['needs', 'name', 'text', 'status']
    .filter((field) => field in changes)
    .map((field) => `${fieldWords(field)}: ${valueWords(change.entity, field, changes[field])}`);
  return parts.join(' · ');
}

export function SyncIssuesScreen() {
  const rejected = useLiveQuery(() => localDatabase.rejected.toArray());
  const conflicts = useLiveQuery(() => localDatabase.conflicts.where('status').equals('open').toArray());

  if (!rejected || !conflicts) return <p role="status">Loading sync issues…</p>;
  const sortedRejected = [...rejected].sort((a, b) => (a.rejectedAt < b.rejectedAt ? 1 : -1));

  return (
    <>
      <h1 tabIndex={-1}>Sync issues</h1>
      <section aria-labelledby="refused-heading">
        <h2 id="refused-heading">Changes the server refused</h2>
        {sortedRejected.length === 0 ? (
          <p className="empty">No refused changes.</p>
        ) : (
          <>
            <p>These changes were not stored on the server. Check them, redo them if needed, then dismiss.</p>
            <PagedList
              items={sortedRejected}
              label="Refused changes"
              render={(change) => (
                <li key={change.id} className="card" aria-label={`Refused: ${whatChanged(change)}`}>
                  <p className="card-title">{whatChanged(change)}</p>
                  {whichRecord(change) && (
                    <p className="reasons">
                      <Sentence text={whichRecord(change)} />
                    </p>
                  )}
                  <p className="form-error">Why: {change.reason}</p>
                  {Object.keys(change.fields).length > 0 && (
                    <ul className="field-problems">
                      {Object.entries(change.fields).map(([path, message]) => (
                        <li key={path}>
                          {path
                            .split('.')
                            .filter((part) => !/^\d+$/.test(part))
                            .map(fieldWords)
                            .join(' › ')}
                          : {message}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="card-meta">Refused {timeAgo(change.rejectedAt)}</p>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Dismiss: ${whatChanged(change)}`}
                    onClick={() => void localDatabase.rejected.delete(change.id)}
                  >
                    Dismiss
                  </button>
                </li>
              )}
            />
          </>
        )}
      </section>
      <section aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading">Conflicts to settle</h2>
        {conflicts.length === 0 ? (
          <p className="empty">No conflicts to settle.</p>
        ) : (
          <>
            <p>
              Two people changed the same thing while apart. The later change was kept; choose whether to keep
              it or use the other value.
            </p>
            <PagedList
              items={conflicts}
              label="Conflicts"
              render={(conflict) => <ConflictCard key={conflict.id} conflict={conflict} />}
            />
          </>
        )}
      </section>
    </>
  );
}
