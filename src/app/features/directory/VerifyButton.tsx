// "Mark verified today": the quarterly review's main action. Saved through the outbox like any edit,
// so it works offline; only the verified date (and the time of the change) travel.
import { useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';

export function VerifyButton({
  entity,
  id,
  lastVerified,
  name,
}: {
  entity: 'partner' | 'contact';
  id: string;
  lastVerified: string;
  /** Added to the button's name where several are on one page. */
  name?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const today = ukToday(new Date());
  if (lastVerified === today) return <span className="verified-today">✓ Verified today</span>;
  const verify = async () => {
    setError(null);
    try {
      await saveRecord(localDatabase, entity, {
        id,
        lastVerified: today,
        updatedAt: new Date().toISOString(),
      });
    } catch (failure) {
      setError(notSavedMessage(failure, 'The check'));
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void verify()}>
        <span>
          Mark{' '}
          {name && (
            <>
              <bdi>{name}</bdi>{' '}
            </>
          )}
          verified today
        </span>
      </button>
      <FormProblem message={error} />
    </>
  );
}
