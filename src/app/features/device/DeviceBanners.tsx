// Everything the app has to say about this device, above the screens: a new version to reload into, a
// version mismatch with the server, a recovered copy, and the offer to install. It also keeps the spare
// of the sign-in (deviceRecovery.ts) in step with the real one.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase, readMeta, type StoredSession } from '../../store/localDatabase.ts';
import { keepSpareSession } from './deviceRecovery.ts';
import { UpdateBanner } from './UpdateBanner.tsx';
import { RecoveryBanner } from './RecoveryBanner.tsx';
import { InstallOffer } from './InstallOffer.tsx';
import './device.css';

export function DeviceBanners() {
  const session = useLiveQuery(() => readMeta<StoredSession>(localDatabase, 'session'));
  useEffect(() => {
    if (session) keepSpareSession(session).catch(() => undefined);
  }, [session]);
  return (
    <>
      <UpdateBanner />
      <RecoveryBanner />
      <InstallOffer />
    </>
  );
}
