// Signing out from this device: refuses while changes wait to send (they would be lost), stops sync,
// and goes back to the start. The error is in plain words for the screen to show.
import { useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import { signOut } from '../../session.ts';
import { navigate } from '../../router.tsx';
import { syncer } from './appSyncer.ts';

export function useSignOut(): { signOut: () => Promise<void>; busy: boolean; error: string | null } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    signOut: async () => {
      setBusy(true);
      setError(null);
      try {
        await signOut(localDatabase);
        syncer.stop();
        navigate('/');
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : 'Could not sign out.');
      } finally {
        setBusy(false);
      }
    },
  };
}
