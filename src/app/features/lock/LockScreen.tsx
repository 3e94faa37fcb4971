// The idle lock: nothing of the app shows until the person gives their password again, checked on the
// device so it works with no signal. A phone handed on to someone else: they sign in as themselves.
import { PasswordField } from '../../components/PasswordField.tsx';
import { useState, type FormEvent } from 'react';
import type { User } from '../../../domain/accounts/user.ts';
import { checkUnlockPassword } from './unlockSecret.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { BusyButton } from '../../components/BusyButton.tsx';
import { Link } from '../../router.tsx';

export function LockScreen({ user, onUnlocked }: { user: User; onUnlocked: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (await checkUnlockPassword(user.id, password)) onUnlocked();
      else setError('That is not the password you signed in with. Try again.');
    } finally {
      setBusy(false);
      setPassword('');
    }
  };

  return (
    <main id="main" className="login">
      <h1 tabIndex={-1}>Locked</h1>
      <p>
        Resilience Hub locked itself after a while unused, to keep requests and restricted contacts private.
        Enter the password of <bdi>{user.displayName}</bdi> to carry on. Your work is kept.
      </p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <PasswordField
          id="unlock-password"
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <FormProblem message={error} />
        <BusyButton type="submit" busy={busy} disabled={password === ''}>
          {busy ? 'Checking…' : 'Unlock'}
        </BusyButton>
      </form>
      <p>
        Not <bdi>{user.displayName}</bdi>? <Link to="/login">Sign in as someone else</Link>
      </p>
    </main>
  );
}
