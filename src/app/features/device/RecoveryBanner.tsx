// Says, once, that this device's copy was lost and has been downloaded again, and what survived.
import { useEffect, useState } from 'react';
import { markRecoverySeen, readRecoveryNote, type RecoveryNote } from './deviceRecovery.ts';

export function recoveryWords(note: RecoveryNote): string {
  const what =
    note.cause === 'unreadable'
      ? 'The data on this device could not be read, so it was rebuilt'
      : 'The data on this device had been deleted (by the browser or a person)';
  const outbox =
    note.outboxKept > 0
      ? ` ${note.outboxKept} change${note.outboxKept === 1 ? '' : 's'} waiting to send survived and will be sent.`
      : '';
  return `${what}. You are still signed in and everything is being downloaded again from the server.${outbox}`;
}

export function RecoveryBanner() {
  const [note, setNote] = useState<RecoveryNote | null>(null);
  useEffect(() => {
    readRecoveryNote()
      .then((found) => setNote(found && !found.seen ? found : null))
      .catch(() => undefined);
  }, []);
  if (!note) return null;
  // Put away once "seen" is stored, so a reload straight after OK does not say it again.
  const dismiss = () => {
    void markRecoverySeen()
      .catch(() => undefined)
      .finally(() => setNote(null));
  };
  return (
    <section className="banner warning update-banner" aria-label="Device recovered">
      <p role="alert">{recoveryWords(note)}</p>
      <button type="button" className="secondary" onClick={dismiss}>
        OK
      </button>
    </section>
  );
}
