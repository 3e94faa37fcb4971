// The one-time password the server made for a person (added, or their password reset), shown once for
// the admin to pass on. Read out as it appears: the admin may be using a screen reader.
import type { ReactNode } from 'react';
import { Announced } from '../../components/Announced.tsx';

export function OneTimePassword({
  username,
  password,
  children,
}: {
  username: string;
  password: string | null;
  /** What the admin is to do with it. */
  children: ReactNode;
}) {
  return (
    <Announced>
      {password !== null && (
        <div className="banner">
          <p>
            One-time password for{' '}
            <strong>
              <bdi>{username}</bdi>
            </strong>
            : <code data-testid="one-time-password">{password}</code>
          </p>
          <p>{children}</p>
        </div>
      )}
    </Announced>
  );
}
