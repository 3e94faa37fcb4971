// After signing in with a one-time password: the person chooses their own (at least 10 characters),
// typed twice. The server checks it too and names what is wrong. On a phone where someone else's
// changes still wait, the new password is saved and the sign-in handed back to say so (LoginScreen).
import { plainMessage } from '../../../domain/api/apiError.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useState, type FormEvent } from 'react';
import type { LoginResponse } from '../../../domain/accounts/user.ts';
import { newPasswordSchema } from '../../../domain/accounts/people.ts';
import { localDatabase } from '../../store/localDatabase.ts';
import { ChangesWaitingFromOthers, chooseOwnPassword } from '../../session.ts';
import { ApiRequestError } from '../../api.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { BusyButton } from '../../components/BusyButton.tsx';

export function ChoosePasswordForm({
  login,
  oneTimePassword,
  onDone,
  onChangesWaiting,
}: {
  login: LoginResponse;
  oneTimePassword: string;
  onDone: () => void;
  onChangesWaiting: (held: ChangesWaitingFromOthers) => void;
}) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = newPasswordSchema.safeParse(password);
    if (!checked.success)
      return setError(
        `New password: ${checked.error.issues[0] ? plainMessage(checked.error.issues[0]) : 'not valid'}.`,
      );
    if (password !== again) return setError('The two passwords are not the same.');
    setBusy(true);
    setError(null);
    try {
      await chooseOwnPassword(localDatabase, login, oneTimePassword, password);
      onDone();
    } catch (failure) {
      if (failure instanceof ChangesWaitingFromOthers) return onChangesWaiting(failure);
      const fields = failure instanceof ApiRequestError ? failure.fields : undefined;
      setError(
        fields
          ? Object.values(fields).join('; ')
          : failure instanceof Error
            ? failure.message
            : 'Could not save it.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Choose your password</h1>
      <p>
        Welcome, <bdi>{login.user.displayName}</bdi>. The password you were given works once only: choose one
        of your own, at least 10 characters.
      </p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <PasswordField
          id="new-password"
          label="New password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <PasswordField
          id="new-password-again"
          label="New password again"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
        />
        <FormProblem message={error} />
        <BusyButton type="submit" busy={busy} disabled={password === '' || again === ''}>
          {busy ? 'Saving…' : 'Save password and continue'}
        </BusyButton>
      </form>
    </>
  );
}
