// The app shell: the public directory without sign-in; sign-in when there is no session on this
// device; the idle lock after a quiet spell; otherwise a compact top bar (name and the sync indicator),
// any banners, the current screen and the bottom tab bar. Sync runs while someone is signed in.
import { Suspense, useEffect, useLayoutEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type StoredSession } from './store/localDatabase.ts';
import { LoginScreen } from './features/account/LoginScreen.tsx';
import { matchRoute, renewFailedScreens } from './routes.tsx';
import { SyncStatus } from './components/SyncStatus.tsx';
import { Link, navigate, usePath } from './router.tsx';
import { syncer } from './features/shell/appSyncer.ts';
import { BottomTabs } from './features/shell/BottomTabs.tsx';
import { canSeeRequests } from '../domain/entities/access.ts';
import { LockScreen } from './features/lock/LockScreen.tsx';
import { useIdleLock } from './features/lock/useIdleLock.ts';
import { hasUnlockPassword } from './features/lock/unlockSecret.ts';
import { useAppConfig } from './features/map/useAppConfig.ts';
import { PublicDirectoryScreen } from './features/publicDirectory/PublicDirectoryScreen.tsx';
import { useLapsedReason } from './features/account/useLapsedReason.ts';
import { DeviceBanners } from './features/device/DeviceBanners.tsx';
import { requestPersistentStorage } from './features/device/persistentStorage.ts';
import { ScreenFailed } from './components/ScreenFailed.tsx';
import { useFocusOnArrival } from './focusOnArrival.ts';
import { setWorkingAs } from './store/workingAs.ts';

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
  useFocusOnArrival(path);
  // What this tab saves is made by the person it shows, until it shows someone else (workingAs.ts).
  const shownUser = session === undefined ? undefined : (session?.user ?? null);
  useLayoutEffect(() => {
    if (shownUser !== undefined) setWorkingAs(shownUser);
  }, [shownUser]);

  const signedIn = Boolean(session);
  const lapsed = session?.lapsed ?? false;
  useEffect(() => {
    if (!signedIn || lapsed) return;
    syncer.start();
    return () => syncer.stop();
  }, [signedIn, lapsed]);
  // Asked at sign-in, and again each time the app opens signed in until the browser says yes: Chromium
  // and Safari decide by themselves, and grant it once the app is installed or used often, which is
  // rarely so at a first sign-in. Until then a browser short of space may delete the outbox with the rest.
  useEffect(() => {
    if (signedIn) void requestPersistentStorage();
  }, [signedIn]);

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
  // A locked phone handed on: the next person signs in as themselves (the lock's person may be gone);
  // nothing of the locked person's shows, and their waiting changes are dealt with at sign-in.
  if (locked && path === '/login')
    return (
      <LoginScreen
        lapsedUser={null}
        onSignedIn={() => {
          unlock();
          navigate('/');
        }}
      />
    );
  if (locked) return <LockScreen user={session.user} onUnlocked={unlock} />;

  return (
    <div className={`shell${path === '/map' ? ' shell-map' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Resilience Hub</span>
        <SyncStatus syncer={syncer} />
      </header>
      {session.lapsed && (
        <p className="banner warning" role="alert">
          {lapsedReason ?? 'Your sign-in has expired.'} You can keep working on this device.{' '}
          <Link to="/login">Sign in again to sync</Link>
        </p>
      )}
      <DeviceBanners />
      <main id="main">
        {/* Keyed by path: moving to another screen starts afresh after a failure. */}
        <ScreenFailed key={path} onRetry={renewFailedScreens}>
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
        </ScreenFailed>
      </main>
      <BottomTabs path={path} user={session.user} />
    </div>
  );
}
