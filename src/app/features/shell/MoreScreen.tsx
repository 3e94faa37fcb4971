// More: who is signed in, the screens that are not on the tab bar, and signing out — kept here, away
// from the thumb, so it is never the most prominent control on a phone.
import { Link } from '../../router.tsx';
import { useSessionUser } from '../../useSessionUser.ts';
import { isStaff } from '../../../domain/entities/access.ts';
import { ROLE_LABELS } from '../../../domain/accounts/user.ts';
import { useSignOut } from './useSignOut.ts';

export function MoreScreen() {
  const user = useSessionUser();
  const { signOut, busy, error } = useSignOut();
  if (user === undefined) return <p role="status">Loading…</p>;
  const staff = user !== null && isStaff(user);
  const links: [string, string][] = [
    ['/partners', 'Partners A–Z'],
    ...(staff ? ([['/incidents', 'Incidents']] as [string, string][]) : []),
    ['/gaps', 'Gaps'],
    ['/wards', 'Wards'],
    ['/stale', 'Stale'],
    ...(staff ? ([['/review', 'Quarterly review']] as [string, string][]) : []),
    ['/sync-issues', 'Sync issues'],
    ...(user !== null && user.role !== 'parish_coordinator'
      ? ([['/dashboard', 'Dashboard']] as [string, string][])
      : []),
    ['/contact-list', 'Contact list'],
    ...(user?.role === 'admin'
      ? ([
          ['/import', 'Import and export'],
          ['/people', 'People'],
          ['/audit', 'Audit trail'],
        ] as [string, string][])
      : []),
    ['/account', 'My devices'],
    ['/device', 'This device'],
  ];
  return (
    <>
      <h1 tabIndex={-1}>More</h1>
      {user && (
        <p>
          Signed in as{' '}
          <strong>
            <bdi>{user.displayName}</bdi>
          </strong>{' '}
          · {ROLE_LABELS[user.role]}
        </p>
      )}
      <nav aria-label="More">
        <ul className="more-list">
          {links.map(([to, label]) => (
            <li key={to}>
              <Link to={to}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {error && (
        <p className="banner warning" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="secondary" onClick={() => void signOut()} disabled={busy}>
        Sign out
      </button>
    </>
  );
}
