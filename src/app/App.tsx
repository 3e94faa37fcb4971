// The app shell: sign-in when there is no session on this device; otherwise a compact top bar (name
// and the sync indicator), any banners, the current screen and the bottom tab bar. Sync runs while
// someone is signed in. New shell pieces (an update banner, say) go in the banners slot.
import { Suspense, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type StoredSession } from './store/localDatabase.ts';
import { LoginScreen } from './screens/LoginScreen.tsx';
import { matchRoute } from './routes.tsx';
import { SyncStatus } from './components/SyncStatus.tsx';
import { Link, navigate, usePath } from './router.tsx';
import { syncer } from './features/shell/appSyncer.ts';
import { BottomTabs } from './features/shell/BottomTabs.tsx';

function Screen({ path }: { path: string }) {
  const { screen: Current, params } = matchRoute(path);
  return <Current params={params} />;
}

export function App() {
  // undefined while IndexedDB is being read; null when nobody is signed in on this device
  const session = useLiveQuery(async () => (await readMeta<StoredSession>(localDatabase, 'session')) ?? null);
  const path = usePath();

  const signedIn = Boolean(session);
  const lapsed = session?.lapsed ?? false;
  useEffect(() => {
    if (!signedIn || lapsed) return;
    syncer.start();
    return () => syncer.stop();
  }, [signedIn, lapsed]);

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
          Your sign-in has expired. You can keep working on this device.{' '}
          <Link to="/login">Sign in again to sync</Link>
        </p>
      )}
      <main id="main">
        <Suspense fallback={<p role="status">Loading…</p>}>
          <Screen path={path} />
        </Suspense>
      </main>
      <BottomTabs path={path} />
    </div>
  );
}
