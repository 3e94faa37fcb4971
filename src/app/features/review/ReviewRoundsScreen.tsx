// The quarterly review (/review): the rounds with their progress, and for admins a form to start one.
// The stale list stays for chasing between rounds; a round is the quarter's organised check of the
// whole directory with the voluntary-sector partner.
import './review.css';
import { useMemo } from 'react';
import { Link, navigate } from '../../router.tsx';
import { useSessionUser } from '../../useSessionUser.ts';
import { isStaff } from '../../../domain/entities/access.ts';
import { reviewSections } from '../../../domain/review/sections.ts';
import { latestChecks, roundProgress } from '../../../domain/review/progress.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { OfflineNote } from './OfflineNote.tsx';
import { StartRoundForm } from './StartRoundForm.tsx';
import { useAllChecks, useDirectory, useReviewRounds } from './useReviewData.ts';

export function ReviewRoundsScreen() {
  const user = useSessionUser();
  const rounds = useReviewRounds();
  const directory = useDirectory();
  const checks = useAllChecks();
  const sections = useMemo(
    () =>
      directory
        ? reviewSections(directory.wards, directory.parishes, directory.partners, directory.contacts)
        : undefined,
    [directory],
  );

  if (user === undefined || !rounds || !sections || !checks)
    return <p role="status">Loading the review rounds…</p>;
  if (!user || !isStaff(user))
    return (
      <>
        <h1 tabIndex={-1}>Quarterly review</h1>
        <p className="empty">Review rounds are run by the council’s staff.</p>
      </>
    );

  return (
    <>
      <h1 tabIndex={-1}>Quarterly review</h1>
      <p>
        Each quarter the council and the voluntary-sector partner check every partner and contact in the
        directory, section by section. <Link to="/stale">Stale details</Link> lists what is overdue between
        rounds.
      </p>
      <OfflineNote />
      <h2>Rounds</h2>
      {rounds.length === 0 ? (
        <p className="empty">
          No review round yet. {user.role === 'admin' ? 'Start one below.' : 'An administrator starts one.'}
        </p>
      ) : (
        <ul className="card-list" aria-label="Review rounds">
          {rounds.map((round) => (
            <li key={round.id} className="card">
              <Link to={`/review/${round.id}`} className="card-title">
                <bdi>{round.name}</bdi>
              </Link>
              <span className="card-meta">
                Due {round.dueDate}
                {round.closed ? ' · closed' : ''}
              </span>
              <ProgressBar
                label={`Progress of ${round.name}`}
                progress={roundProgress(sections, latestChecks(checks, round.id)).overall}
              />
            </li>
          ))}
        </ul>
      )}
      {sections.length === 0 && (
        <p className="empty">Nothing in the directory on this device yet. Connect once to download it.</p>
      )}
      {user.role === 'admin' && (
        <StartRoundForm user={user} onStarted={(round) => navigate(`/review/${round.id}`)} />
      )}
    </>
  );
}
