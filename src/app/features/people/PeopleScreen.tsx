// People (/people), for admins: everyone who can sign in, their role and parish, whether they are
// disabled, and when they were last seen; add a person here, manage one on their own page.
import { ROLE_LABELS } from '../../../domain/accounts/user.ts';
import { Link } from '../../router.tsx';
import { timeAgo } from '../../timeAgo.ts';
import { ManagersOnly } from './ManagersOnly.tsx';
import '../admin.css';
import { NewPersonForm } from './NewPersonForm.tsx';
import { usePeople } from './usePeople.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';

export function PeopleScreen() {
  const { online, people, error, reload } = usePeople();
  return (
    <ManagersOnly title="People">
      <h1 tabIndex={-1}>People</h1>
      {!online && (
        <p className="banner warning">You are offline: people can be managed only with a connection.</p>
      )}
      <FormProblem message={error} />
      {online && <NewPersonForm onCreated={() => void reload()} />}
      <h2>Everyone who can sign in</h2>
      {online && people === null && !error && <p role="status">Loading people…</p>}
      {people?.length === 0 && <p className="empty">Nobody yet.</p>}
      {people && people.length > 0 && (
        <PagedList
          items={people}
          label="People"
          render={(person) => (
            <li key={person.id} className="card">
              <Link to={`/people/${person.id}`} className="card-title">
                <bdi>{person.displayName}</bdi>
              </Link>
              <span className="card-meta">
                <span>
                  <bdi>{person.username}</bdi> · {ROLE_LABELS[person.role]}
                  {person.parishCode ? ` (${person.parishCode})` : ''} ·{' '}
                  {person.lastSeenAt ? `last seen ${timeAgo(person.lastSeenAt)}` : 'never signed in'}
                </span>
                {person.disabled && <span className="badge muted">Disabled</span>}
              </span>
            </li>
          )}
        />
      )}
    </ManagersOnly>
  );
}
