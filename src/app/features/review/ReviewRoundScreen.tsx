// One review round (/review/<id>): its progress overall and per section, "my sections" for the person
// signed in, each section's assignee and records to check, and the CSV for the voluntary-sector body.
// Read from this device's database, so it works offline; checks wait in the outbox until the next sync.
import './review.css';
import { useMemo, useState } from 'react';
import type { ManagedUser } from '../../../domain/accounts/people.ts';
import { reviewSections } from '../../../domain/review/sections.ts';
import { latestChecks, roundProgress } from '../../../domain/review/progress.ts';
import { assignmentsOf, mySections } from '../../../domain/review/assignments.ts';
import { roundCsvRows } from '../../../domain/review/roundCsv.ts';
import type { User } from '../../../domain/accounts/user.ts';
import { downloadText } from '../../download.ts';
import { Link } from '../../router.tsx';
import { useSessionUser } from '../../useSessionUser.ts';
import { isStaff } from '../../../domain/entities/access.ts';
import { usePeople } from '../people/usePeople.ts';
import { OfflineNote } from './OfflineNote.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { roundCsvText } from './roundCsvText.ts';
import { SectionBlock, sectionAnchor } from './SectionBlock.tsx';
import { setRoundClosed } from './reviewActions.ts';
import { useDirectory, useRoundData } from './useReviewData.ts';

type Shown = 'all' | 'mine' | 'unfinished';

function RoundView({ roundId, user, people }: { roundId: string; user: User; people: ManagedUser[] | null }) {
  const data = useRoundData(roundId);
  const directory = useDirectory();
  const [shown, setShown] = useState<Shown | null>(null);
  const sections = useMemo(
    () =>
      directory
        ? reviewSections(directory.wards, directory.parishes, directory.partners, directory.contacts)
        : undefined,
    [directory],
  );
  if (!data || !sections) return <p role="status">Loading the review round…</p>;
  const { round } = data;
  if (!round)
    return (
      <>
        <h1 tabIndex={-1}>Review round not found</h1>
        <p className="empty">
          This round is not on this device. It arrives with sync if it exists.{' '}
          <Link to="/review">All review rounds</Link>
        </p>
      </>
    );

  const latest = latestChecks(data.checks, round.id);
  const progress = roundProgress(sections, latest);
  const assigned = assignmentsOf(data.assignments, round.id);
  const mine = mySections(sections, assigned, user.id);
  const show: Shown = shown ?? (mine.length > 0 ? 'mine' : 'all');
  const listed = sections.filter((section) =>
    show === 'mine'
      ? mine.includes(section)
      : show === 'unfinished'
        ? (progress.bySection.get(section.code)?.checked ?? 0) < section.items.length
        : true,
  );
  const download = () =>
    downloadText(
      `review-${round.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.csv`,
      `\uFEFF${roundCsvText(roundCsvRows(sections, data.checks, round.id))}`,
    );

  return (
    <>
      <p>
        <Link to="/review">All review rounds</Link>
      </p>
      <h1 tabIndex={-1}>
        <bdi>{round.name}</bdi>
      </h1>
      <p className="hint">
        Due {round.dueDate} · started by {round.startedByName || 'an administrator'} on{' '}
        {round.startedAt.slice(0, 10)}
        {round.closed ? ' · closed' : ''}
      </p>
      <OfflineNote />
      <ProgressBar label="Whole round" progress={progress.overall} />
      <div className="button-row">
        <button type="button" className="secondary" onClick={download}>
          Download CSV for the voluntary-sector partner
        </button>
        {user.role === 'admin' && (
          <button
            type="button"
            className="secondary"
            onClick={() => void setRoundClosed(round.id, !round.closed)}
          >
            {round.closed ? 'Reopen this round' : 'Close this round'}
          </button>
        )}
      </div>

      <section aria-labelledby="my-sections-heading">
        <h2 id="my-sections-heading">My sections</h2>
        {mine.length === 0 ? (
          <p className="empty">No section of this round is assigned to you.</p>
        ) : (
          <ul>
            {mine.map((section) => (
              <li key={section.code}>
                <a href={`#${sectionAnchor(section.code)}`}>{section.name}</a>:{' '}
                {progress.bySection.get(section.code)?.checked ?? 0} of {section.items.length} checked
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">Sections</h2>
        {sections.length === 0 ? (
          <p className="empty">Nothing in the directory on this device yet. Connect once to download it.</p>
        ) : (
          <>
            <label htmlFor="sections-shown">Show</label>
            <select
              id="sections-shown"
              value={show}
              onChange={(event) => setShown(event.target.value as Shown)}
            >
              <option value="all">All sections ({sections.length})</option>
              <option value="mine">My sections ({mine.length})</option>
              <option value="unfinished">Sections not finished</option>
            </select>
            {listed.length === 0 && <p className="empty">No section to show here.</p>}
            {listed.map((section) => (
              <SectionBlock
                key={section.code}
                section={section}
                roundId={round.id}
                progress={progress.bySection.get(section.code) ?? { checked: 0, total: 0 }}
                assigned={assigned.get(section.code)}
                latest={latest}
                user={user}
                people={people}
                open={mine.includes(section)}
                closed={round.closed}
              />
            ))}
          </>
        )}
      </section>
    </>
  );
}

/** Admins assign sections, so they need the people list (from the server, when online). */
function AdminRoundView({ roundId, user }: { roundId: string; user: User }) {
  const { people } = usePeople();
  return <RoundView roundId={roundId} user={user} people={people} />;
}

export function ReviewRoundScreen({ params }: { params: string[] }) {
  const roundId = params[0] ?? '';
  const user = useSessionUser();
  if (user === undefined) return <p role="status">Loading the review round…</p>;
  if (!user || !isStaff(user))
    return (
      <>
        <h1 tabIndex={-1}>Review round</h1>
        <p className="empty">Review rounds are run by the council’s staff.</p>
      </>
    );
  return user.role === 'admin' ? (
    <AdminRoundView roundId={roundId} user={user} />
  ) : (
    <RoundView roundId={roundId} user={user} people={null} />
  );
}
