// The review's offline line: checks made without a network wait on this device and are sent at the
// next sync, and how many are waiting.
import { useOnline } from '../../useOnline.ts';
import { useChecksWaiting } from './useReviewData.ts';

export function OfflineNote() {
  const online = useOnline();
  const waiting = useChecksWaiting() ?? 0;
  if (online && waiting === 0) return null;
  return (
    <p className="banner warning" role="status">
      {online ? '' : 'You are offline. Checks are kept on this device and sent when the network is back. '}
      {waiting === 1 ? '1 check waiting to send.' : waiting > 1 ? `${waiting} checks waiting to send.` : ''}
    </p>
  );
}
