// People and the audit trail are for admins; anyone else reaching one by its address is told so.
import type { ReactNode } from 'react';
import { canManagePeople } from '../../../domain/entities/access.ts';
import { useSessionUser } from '../../useSessionUser.ts';

export function ManagersOnly({ title, children }: { title: string; children: ReactNode }) {
  const user = useSessionUser();
  if (user === undefined) return <p role="status">Loading…</p>;
  if (!user || !canManagePeople(user)) {
    return (
      <>
        <h1 tabIndex={-1}>{title}</h1>
        <p className="empty">Only administrators (the policy and information team) can see this.</p>
      </>
    );
  }
  return <>{children}</>;
}
