// Sign in. Offline sign-in is impossible (the server checks the password), so the screen says so
// plainly instead of failing with a network error. Someone given a one-time password by an admin
// chooses their own here before going on. Someone signing in on a phone where another person's
// changes still wait is told whose, and may save them to a file and set them aside (ChangesWaitingPanel).
import { PasswordField } from '../../components/PasswordField.tsx';
import { useState, type FormEvent } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import {
  ChangesWaitingFromOthers,
  letGoOfHeldSignIn,
  PasswordChangeRequired,
  signIn,
} from '../../session.ts';
import { ChangesWaitingPanel } from './ChangesWaitingPanel.tsx';
import type { LoginResponse, User } from '../../../domain/accounts/user.ts';
import { ChoosePasswordForm } from './ChoosePasswordForm.tsx';
import { NetworkError } from '../../api.ts';
import { useOnline } from '../../useOnline.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { isStorageFull, SIGN_IN_STORAGE_FULL } from '../../store/storageFull.ts';
import { BusyButton } from '../../components/BusyButton.tsx';

export function LoginScreen({ lapsedUser, onSignedIn }: { lapsedUser: User | null; onSignedIn: () => void }) {
  const [username, setUsername] = useState(lapsedUser?.username ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [firstSignIn, setFirstSignIn] = useState<LoginResponse | null>(null);
  const [held, setHeld] = useState<ChangesWaitingFromOthers | null>(null);
  const online = useOnline();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(localDatabase, username, password);
      onSignedIn();
    } catch (failure) {
      if (failure instanceof PasswordChangeRequired) setFirstSignIn(failure.login);
      else if (failure instanceof ChangesWaitingFromOthers) setHeld(failure);
      // Nothing is kept on this device before a first sign-in, so say what is needed, not what is kept.
      else if (failure instanceof NetworkError && !lapsedUser)
        setError('You need a connection to sign in the first time. Connect to the internet and try again.');
      else if (isStorageFull(failure)) setError(SIGN_IN_STORAGE_FULL);
      else setError(failure instanceof Error ? failure.message : 'Sign-in failed. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  if (held) {
    return (
      <main id="main" className="login">
        <ChangesWaitingPanel
          held={held}
          onSignedIn={onSignedIn}
          onBack={() => {
            void letGoOfHeldSignIn(held);
            setHeld(null);
            setPassword('');
          }}
        />
      </main>
    );
  }

  if (firstSignIn) {
    return (
      <main id="main" className="login">
        <ChoosePasswordForm
          login={firstSignIn}
          oneTimePassword={password}
          onDone={onSignedIn}
          onChangesWaiting={(waiting) => {
            setFirstSignIn(null);
            setHeld(waiting);
          }}
        />
      </main>
    );
  }

  return (
    <main id="main" className="login">
      <h1 tabIndex={-1}>Sign in to Resilience Hub</h1>
      <p>For council emergency duty officers, parish emergency coordinators and the policy team.</p>
      {lapsedUser && (
        <p className="banner warning">
          Your sign-in has expired. Sign in again to sync the work kept on this device.
        </p>
      )}
      {!online && !lapsedUser && (
        <p className="banner warning">You need a connection to sign in the first time.</p>
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <label htmlFor="username">Username</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <PasswordField
          id="password"
          name="password"
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <FormProblem message={error} />
        <BusyButton type="submit" busy={busy} disabled={username === '' || password === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </BusyButton>
      </form>
      <p>
        Residents: see the <a href="/public">public directory of community groups</a>.
      </p>
    </main>
  );
}
