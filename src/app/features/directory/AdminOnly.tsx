// Editing screens are for admins; anyone else reaching one by its address is told so plainly.
import type { ReactNode } from 'react';
import { canEditDirectory } from '../../../domain/entities/access.ts';
import { Link } from '../../router.tsx';
import { useSessionUser } from '../../useSessionUser.ts';
import { Sentence } from '../../components/Sentence.tsx';

export function AdminOnly({ title, children }: { title: string; children: ReactNode }) {
  const user = useSessionUser();
  if (user === undefined) return <p role="status">Loading…</p>;
  if (!user || !canEditDirectory(user)) {
    return (
      <>
        <h1 tabIndex={-1}>
          <Sentence text={title} />
        </h1>
        <p className="empty">
          Only the policy and information team (admins) can change the directory.{' '}
          <Link to="/directory">Back to the directory</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
