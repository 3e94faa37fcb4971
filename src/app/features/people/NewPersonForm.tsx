// Adding a person: name, username, role and (for a coordinator) parish. The server makes a one-time
// password, shown here once, for the admin to pass on; the person chooses their own at first sign-in.
// What is typed is kept on this device until the person is added (useDraft); no password is typed here.
import { useState, type FormEvent } from 'react';
import { oneTimePasswordSchema } from '../../../domain/accounts/people.ts';
import type { Role } from '../../../domain/accounts/user.ts';
import { ApiRequestError } from '../../api.ts';
import { messageOf, serverCall } from '../account/serverCall.ts';
import { TextField } from '../directory/FormFields.tsx';
import { RoleFields } from './RoleFields.tsx';
import { useParishes } from './usePeople.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { BusyButton } from '../../components/BusyButton.tsx';
import { useDraft } from '../device/useDraft.ts';
import { DraftNotice } from '../device/DraftNotice.tsx';
import { OneTimePassword } from './OneTimePassword.tsx';

export function NewPersonForm({ onCreated }: { onCreated: () => void }) {
  const parishes = useParishes();
  const draft = useDraft('/people#new', {
    displayName: '',
    username: '',
    role: 'duty_officer' as Role,
    parishCode: null as string | null,
  });
  const { displayName, username, role, parishCode } = draft.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const body = await serverCall('/api/admin/users', {
        method: 'POST',
        body: JSON.stringify({ displayName, username, role, parishCode }),
      });
      const answer = oneTimePasswordSchema.parse(body);
      setCreated({ username: answer.user.username, password: answer.oneTimePassword });
      draft.startAgain();
      onCreated();
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.fields) setErrors(failure.fields);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-person-heading">
      <h2 id="new-person-heading">Add a person</h2>
      <OneTimePassword username={created?.username ?? ''} password={created?.password ?? null}>
        Give it to them now: it is shown once. They choose their own password when they first sign in.
      </OneTimePassword>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <DraftNotice draft={draft} />
        <TextField
          id="person-name"
          label="Full name"
          value={displayName}
          onChange={draft.set('displayName')}
          error={errors.displayName}
        />
        <TextField
          id="person-username"
          label="Username"
          autoCapitalize="none"
          value={username}
          onChange={draft.set('username')}
          error={errors.username}
        />
        <RoleFields
          idPrefix="person"
          role={role}
          parishCode={parishCode}
          parishes={parishes}
          onChange={(chosen) => draft.setValues((current) => ({ ...current, ...chosen }))}
          errors={errors}
        />
        <FormProblem message={error} />
        <BusyButton type="submit" busy={busy}>
          {busy ? 'Adding…' : 'Add person'}
        </BusyButton>
      </form>
    </section>
  );
}
