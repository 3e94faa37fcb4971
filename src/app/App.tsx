// The app shell: sign-in when there is no session on this device; otherwise the header (sync status,
// sign out), the navigation and the current screen. Sync runs while someone is signed in.
import { Suspense, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type StoredSession } from './store/localDatabase.ts';
import { Syncer } from './sync/syncer.ts';
import { LoginScreen } from './screens/LoginScreen.tsx';
import { matchRoute } from './routes.tsx';
import { SyncStatus } from './components/SyncStatus.tsx';
import { Link, navigate, usePath } from './router.tsx';
import { signOut } from './session.ts';
import { ROLE_LABELS } from '../domain/user.ts';
import { DeviceBanners } from './features/device/DeviceBanners.tsx';
import { canManagePeople, canSeeRequests } from '../domain/access.ts';
import { LockScreen } from './features/lock/LockScreen.tsx';
import { useIdleLock } from './features/lock/useIdleLock.ts';
import { hasUnlockPassword } from './features/lock/unlockSecret.ts';
import { useAppConfig } from './map/useAppConfig.ts';
import { PublicDirectoryScreen } from './features/publicDirectory/PublicDirectoryScreen.tsx';
import { useLapsedReason } from './features/account/useLapsedReason.ts';

const syncer = new Syncer(localDatabase);

function Screen({ path }: { path: string }) {
  const { screen: Current, params } = matchRoute(path);
  return <Current params={params} />;
}

export function App() {
  // undefined while IndexedDB is being read; null when nobody is signed in on this device
  const session = useLiveQuery(async () => (await readMeta<StoredSession>(localDatabase, 'session')) ?? null);
  const path = usePath();
  const { idleLockMinutes } = useAppConfig();
  const lockable = Boolean(session && hasUnlockPassword(session.user.id));
  const { locked, unlock } = useIdleLock(lockable, idleLockMinutes);
  const lapsedReason = useLapsedReason(session?.lapsed ?? false);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  const signedIn = Boolean(session);
  const lapsed = session?.lapsed ?? false;
  // On a phone the navigation scrolls sideways: keep the current screen's link in view.
  useEffect(() => {
    document
      .querySelector('nav [aria-current="page"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [path, signedIn]);
  useEffect(() => {
    if (!signedIn || lapsed) return;
    syncer.start();
    return () => syncer.stop();
  }, [signedIn, lapsed]);

  // The public directory is for residents: no sign-in, nothing restricted.
  if (path === '/public') return <PublicDirectoryScreen />;
  if (session === undefined)
    return (
      <p className="loading" role="status">
        Opening Resilience Hub…
      </p>
    );
  if (session === null || (session.lapsed && path === '/login')) {
    return (
      <LoginScreen
        lapsedUser={session?.user ?? null}
        onSignedIn={() => navigate(path === '/login' ? '/' : path)}
      />
    );
  }

  if (locked) return <LockScreen user={session.user} onUnlocked={unlock} />;

  const onSignOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut(localDatabase);
      syncer.stop();
      navigate('/');
    } catch (error) {
      setSignOutError(error instanceof Error ? error.message : 'Could not sign out.');
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Resilience Hub</span>
        <span className="who">
          {session.user.displayName} · {ROLE_LABELS[session.user.role]}
        </span>
        <button type="button" className="secondary" onClick={() => void onSignOut()} disabled={signingOut}>
          Sign out
        </button>
      </header>
      {signOutError && (
        <p className="banner warning" role="alert">
          {signOutError}
        </p>
      )}
      {session.lapsed && (
        <p className="banner warning" role="alert">
          {lapsedReason ?? 'Your sign-in has expired.'} You can keep working on this device.{' '}
          <Link to="/login">Sign in again to sync</Link>
        </p>
      )}
      <DeviceBanners />
      <SyncStatus syncer={syncer} />
      <nav aria-label="Main">
        <ul className="nav-list">
          <li>
            <Link to="/find" aria-current={path === '/find' ? 'page' : undefined}>
              Find help
            </Link>
          </li>
          {canSeeRequests(session.user) && (
            <li>
              <Link to="/requests" aria-current={path.startsWith('/requests') ? 'page' : undefined}>
                Requests
              </Link>
            </li>
          )}
          {(session.user.role === 'admin' || session.user.role === 'duty_officer') && (
            <li>
              <Link to="/incidents" aria-current={path === '/incidents' ? 'page' : undefined}>
                Incidents
              </Link>
            </li>
          )}
          <li>
            <Link to="/" aria-current={path === '/' || path.startsWith('/partners') ? 'page' : undefined}>
              Partners
            </Link>
          </li>
          <li>
            <Link
              to="/directory"
              aria-current={/^\/(directory|contacts|parishes|import)(\/|$)/.test(path) ? 'page' : undefined}
            >
              Directory
            </Link>
          </li>
          <li>
            <Link to="/stale" aria-current={path === '/stale' ? 'page' : undefined}>
              Stale
            </Link>
          </li>
          <li>
            <Link to="/wards" aria-current={path === '/wards' ? 'page' : undefined}>
              Wards
            </Link>
          </li>
          <li>
            <Link to="/map" aria-current={path === '/map' ? 'page' : undefined}>
              Map
            </Link>
          </li>
          <li>
            <Link to="/gaps" aria-current={path === '/gaps' ? 'page' : undefined}>
              Gaps
            </Link>
          </li>
          <li>
            <Link to="/device" aria-current={path === '/device' ? 'page' : undefined}>
              This device
            </Link>
          </li>
          {canManagePeople(session.user) && (
            <>
              <li>
                <Link to="/people" aria-current={path.startsWith('/people') ? 'page' : undefined}>
                  People
                </Link>
              </li>
              <li>
                <Link to="/audit" aria-current={path === '/audit' ? 'page' : undefined}>
                  Audit trail
                </Link>
              </li>
            </>
          )}
          <li>
            <Link to="/account" aria-current={path === '/account' ? 'page' : undefined}>
              My devices
            </Link>
          </li>
        </ul>
      </nav>
      <main id="main">
        <Suspense fallback={<p role="status">Loading…</p>}>
          {!canSeeRequests(session.user) && /^\/(requests|incidents|sync-issues)(\/|$)/.test(path) ? (
            <>
              <h1 tabIndex={-1}>Not available</h1>
              <p className="empty">
                Requests hold residents&rsquo; details, so a viewer cannot see them.{' '}
                <Link to="/find">Find help</Link>
              </p>
            </>
          ) : (
            <Screen path={path} />
          )}
        </Suspense>
      </main>
    </div>
  );
}
