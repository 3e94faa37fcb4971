// Adding a person: name, username, role and (for a coordinator) parish. The server makes a one-time
// password, shown here once, for the admin to pass on; the person chooses their own at first sign-in.
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

export function NewPersonForm({ onCreated }: { onCreated: () => void }) {
  const parishes = useParishes();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<{ role: Role; parishCode: string | null }>({
    role: 'duty_officer',
    parishCode: null,
  });
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
        body: JSON.stringify({ displayName, username, ...role }),
      });
      const answer = oneTimePasswordSchema.parse(body);
      setCreated({ username: answer.user.username, password: answer.oneTimePassword });
      setDisplayName('');
      setUsername('');
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
      {created && (
        <div className="banner" role="status">
          <p>
            One-time password for <strong>{created.username}</strong>:{' '}
            <code data-testid="one-time-password">{created.password}</code>
          </p>
          <p>
            Give it to them now: it is shown once. They choose their own password when they first sign in.
          </p>
        </div>
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          id="person-name"
          label="Full name"
          value={displayName}
          onChange={setDisplayName}
          error={errors.displayName}
        />
        <TextField
          id="person-username"
          label="Username"
          autoCapitalize="none"
          value={username}
          onChange={setUsername}
          error={errors.username}
        />
        <RoleFields
          idPrefix="person"
          role={role.role}
          parishCode={role.parishCode}
          parishes={parishes}
          onChange={setRole}
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
