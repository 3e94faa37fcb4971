// Where a signed-in person lands: Find help — the night-shift question — except a parish coordinator
// whose parish has open requests, who lands on them. Replaces the address, so Back does not bounce.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { useSessionUser } from '../../useSessionUser.ts';
import { isOpen } from '../../../domain/entities/request.ts';
import { replaceWith } from '../../router.tsx';

export function Landing() {
  const user = useSessionUser();
  // Coordinators only hold their own parish's requests on the device, so "any open" is "their parish's".
  const openRequests = useLiveQuery(async () =>
    (await localDatabase.requests.toArray()).some((request) => isOpen(request)),
  );
  useEffect(() => {
    if (user === undefined || openRequests === undefined) return;
    replaceWith(user?.role === 'parish_coordinator' && openRequests ? '/requests' : '/find');
  }, [user, openRequests]);
  return <p role="status">Opening…</p>;
}
