// One person (/people/<id>), for admins: change their role or parish (their devices narrow what they
// hold on their next sync), reset their password (a one-time password shown once), disable or
// re-enable them, and sign out all their devices (a lost phone).
import { useEffect, useState } from 'react';
import { oneTimePasswordSchema, type ManagedUser } from '../../../domain/accounts/people.ts';
import { ROLE_LABELS, type Role } from '../../../domain/accounts/user.ts';
import { ApiRequestError } from '../../api.ts';
import { Link } from '../../router.tsx';
import { messageOf, serverCall } from '../account/serverCall.ts';
import { ManagersOnly } from './ManagersOnly.tsx';
import '../admin.css';
import { RoleFields } from './RoleFields.tsx';
import { useParishes, usePeople } from './usePeople.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { Announced } from '../../components/Announced.tsx';
import { OneTimePassword } from './OneTimePassword.tsx';

function PersonActions({ person, reload }: { person: ManagedUser; reload: () => Promise<void> }) {
  const parishes = useParishes();
  const [role, setRole] = useState<{ role: Role; parishCode: string | null }>({
    role: person.role,
    parishCode: person.parishCode,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);
  useEffect(() => setRole({ role: person.role, parishCode: person.parishCode }), [person]);

  const act = async (path: string, init: RequestInit, done: (body: unknown) => string) => {
    setError(null);
    setErrors({});
    setNotice(null);
    try {
      const body = await serverCall(`/api/admin/users/${person.id}${path}`, init);
      setNotice(done(body));
      await reload();
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.fields) setErrors(failure.fields);
      setError(messageOf(failure));
    }
  };

  return (
    <>
      <FormProblem message={error} />
      <Announced>{notice && <p>{notice}</p>}</Announced>
      <OneTimePassword username={person.username} password={oneTimePassword}>
        Give it to them now: it is shown once.
      </OneTimePassword>
      <section aria-labelledby="role-heading">
        <h2 id="role-heading">Role</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              '',
              { method: 'PATCH', body: JSON.stringify(role) },
              () => 'Saved. Their devices keep only what the new role may see from their next sync.',
            );
          }}
        >
          <RoleFields
            idPrefix="change"
            role={role.role}
            parishCode={role.parishCode}
            parishes={parishes}
            onChange={setRole}
            errors={errors}
          />
          <button type="submit">Save role</button>
        </form>
      </section>
      <section aria-labelledby="access-heading">
        <h2 id="access-heading">Access</h2>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void act('/password', { method: 'POST' }, (body) => {
                setOneTimePassword(oneTimePasswordSchema.parse(body).oneTimePassword);
                return 'A new one-time password is ready.';
              })
            }
          >
            Reset password
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void act('/sign-out-everywhere', { method: 'POST' }, (body) => {
                const count = (body as { signedOut?: number }).signedOut ?? 0;
                return `${count} device${count === 1 ? '' : 's'} signed out.`;
              })
            }
          >
            Sign out all devices
          </button>
          {person.disabled ? (
            <button
              type="button"
              onClick={() => void act('/enable', { method: 'POST' }, () => 'Re-enabled.')}
            >
              Re-enable
            </button>
          ) : (
            <button
              type="button"
              className="danger"
              onClick={() =>
                void act(
                  '/disable',
                  { method: 'POST' },
                  () => 'Disabled: their devices stop syncing at once.',
                )
              }
            >
              Disable
            </button>
          )}
        </div>
      </section>
    </>
  );
}

export function PersonScreen({ params }: { params: string[] }) {
  const { online, people, error, reload } = usePeople();
  const person = people?.find((candidate) => candidate.id === params[0]);
  return (
    <ManagersOnly title="Person">
      <p>
        <Link to="/people">All people</Link>
      </p>
      {/* A heading in every state: offline, or the server out of reach, the screen is still named. */}
      <h1 tabIndex={-1}>
        {person ? <bdi>{person.displayName}</bdi> : people ? 'Person not found' : 'Person'}
      </h1>
      {!online && (
        <p className="banner warning">You are offline: people can be managed only with a connection.</p>
      )}
      <FormProblem message={error} />
      {online && people === null && !error && <p role="status">Loading…</p>}
      {people && !person && <p className="empty">There is no such person.</p>}
      {person && (
        <>
          <p>
            <bdi>{person.username}</bdi> · {ROLE_LABELS[person.role]}
            {person.parishCode ? ` (${person.parishCode})` : ''} · {person.devices} signed-in device
            {person.devices === 1 ? '' : 's'}
            {person.disabled && ' · Disabled'}
          </p>
          <PersonActions person={person} reload={reload} />
        </>
      )}
    </ManagersOnly>
  );
}
