// One section of a round: its progress, who checks it, and (opened) its records, each with one tap
// "Still correct" or "Edit" (the record's edit form, which counts as checked when saved).
import { useState } from 'react';
import { telHref } from '../../../domain/entities/common.ts';
import type { ManagedUser } from '../../../domain/accounts/people.ts';
import { OUTCOME_WORDS, outcomeOf, type Progress } from '../../../domain/review/progress.ts';
import type { ReviewAssignment, ReviewCheck } from '../../../domain/review/reviewRound.ts';
import { itemKey, type ReviewItem, type ReviewSection } from '../../../domain/review/sections.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { navigate } from '../../router.tsx';
import { AssignSection } from './AssignSection.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { recordCheck, reviewEditPath } from './reviewActions.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { Sentence } from '../../components/Sentence.tsx';

const checkedTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

export const sectionAnchor = (code: string) => `section-${code.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function ItemRow({
  item,
  roundId,
  latest,
  user,
  canCheck,
}: {
  item: ReviewItem;
  roundId: string;
  latest: ReadonlyMap<string, ReviewCheck>;
  user: User;
  canCheck: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = latest.get(itemKey(item));
  const outcome = outcomeOf(item, latest);
  const stillCorrect = async () => {
    setError(null);
    setBusy(true);
    try {
      await recordCheck(user, roundId, item, 'still_correct');
    } catch (failure) {
      setError(notSavedMessage(failure, 'The check'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="card">
      <span className="card-title">
        <bdi>{item.name}</bdi>
      </span>
      <span className="card-meta">
        <span className="type-label">{item.entity === 'partner' ? 'Partner' : 'Contact'}</span>
        <span>
          <Sentence text={item.detail} /> · last verified {item.lastVerified}
        </span>
      </span>
      <a className="card-call" href={telHref(item.phone)}>
        <span>
          Call <bdi>{item.name}</bdi>: {item.phone}
        </span>
      </a>
      <span className="review-outcome">
        {OUTCOME_WORDS[outcome]}
        {check && (
          <>
            {' · '}
            <bdi>{check.byName}</bdi>, {checkedTime(check.checkedAt)}
          </>
        )}
      </span>
      {canCheck && (
        <div className="actions">
          {/* The label starts with the visible words (WCAG 2.5.3) and names the record. */}
          <BusyButton
            type="button"
            aria-label={`Still correct: ${item.name}`}
            busy={busy}
            onClick={() => void stillCorrect()}
          >
            Still correct
          </BusyButton>
          <button
            type="button"
            className="secondary"
            aria-label={`Edit ${item.name}`}
            onClick={() => navigate(reviewEditPath(roundId, item))}
          >
            Edit
          </button>
        </div>
      )}
      <FormProblem message={error} />
    </li>
  );
}

export function SectionBlock({
  section,
  roundId,
  progress,
  assigned,
  latest,
  user,
  people,
  open,
  closed,
}: {
  section: ReviewSection;
  roundId: string;
  progress: Progress;
  assigned: ReviewAssignment | undefined;
  latest: ReadonlyMap<string, ReviewCheck>;
  user: User;
  people: readonly ManagedUser[] | null;
  open: boolean;
  /** A closed round is kept to read, not to check. */
  closed: boolean;
}) {
  const admin = user.role === 'admin';
  const headingId = `${sectionAnchor(section.code)}-heading`;
  return (
    <section className="review-section" id={sectionAnchor(section.code)} aria-labelledby={headingId}>
      <h3 id={headingId}>{section.name}</h3>
      <ProgressBar label={section.name} progress={progress} />
      <p>
        {assigned ? (
          <>
            Assigned to <bdi>{assigned.assigneeName}</bdi>
          </>
        ) : (
          'Not assigned yet'
        )}
      </p>
      {admin && !closed && (
        <AssignSection
          roundId={roundId}
          section={section.code}
          sectionName={section.name}
          assigned={assigned}
          user={user}
          people={people}
        />
      )}
      {/* Drawn afresh when it becomes one of my sections, so it opens then (a person may close it). */}
      <details key={open ? 'mine' : 'other'} open={open}>
        <summary>
          Records in {section.name} ({section.items.length})
        </summary>
        <ul className="card-list review-items" aria-label={`Records in ${section.name}`}>
          {section.items.map((item) => (
            <ItemRow
              key={itemKey(item)}
              item={item}
              roundId={roundId}
              latest={latest}
              user={user}
              canCheck={admin && !closed}
            />
          ))}
        </ul>
      </details>
    </section>
  );
}
