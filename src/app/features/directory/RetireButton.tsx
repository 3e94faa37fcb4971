// Retiring a contact or parish (admins), and bringing one back: the record stays on file, so old
// requests still name it, but searches, the chase list and new requests leave it out. Retiring asks
// first, as for a partner; bringing back is one tap, since it is easily undone. Saved through the
// outbox like any edit, so it works offline and only the retired flag (and a contact's time of
// change) travels.
import { useState } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import { FormActions } from './FormFields.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';
import { notSavedMessage } from '../../store/storageFull.ts';

type Target =
  | { entity: 'contact'; id: string; name: string; retired: boolean }
  | { entity: 'parish'; code: string; name: string; retired: boolean };

const WHAT_IT_MEANS: Record<Target['entity'], string> = {
  contact:
    'A retired contact stays on record but is left out of searches and the stale list. Bring them back at any time.',
  parish:
    'A retired parish stays on record, so past requests still name it, but is left out of searches and is not offered for new requests. Bring it back at any time.',
};

export function RetireButton({ target }: { target: Target }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (retired: boolean) => {
    setError(null);
    try {
      if (target.entity === 'contact') {
        await saveRecord(localDatabase, 'contact', {
          id: target.id,
          retired,
          updatedAt: new Date().toISOString(),
        });
      } else {
        await saveRecord(localDatabase, 'parish', { code: target.code, retired });
      }
      setConfirming(false);
    } catch (failure) {
      setError(notSavedMessage(failure, 'The change'));
    }
  };

  return (
    <div className="retire">
      <p className="hint">{WHAT_IT_MEANS[target.entity]}</p>
      {target.retired ? (
        <button type="button" className="secondary" onClick={() => void save(false)}>
          Bring back {target.entity}
        </button>
      ) : confirming ? (
        <FormActions>
          <button type="button" className="danger" onClick={() => void save(true)}>
            <span>
              Yes, retire <bdi>{target.name}</bdi>
            </span>
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep {target.entity === 'contact' ? 'them' : 'it'}
          </button>
        </FormActions>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Retire {target.entity}
        </button>
      )}
      <FormProblem message={error} />
    </div>
  );
}

/** The flag shown wherever a retired contact or parish appears: cards, pages. */
export function RetiredBadge({ retired }: { retired: boolean }) {
  return retired ? <span className="badge muted">Retired</span> : null;
}
