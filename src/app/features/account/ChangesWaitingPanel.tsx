// A phone handed on while changes made by the last person still wait to sync (they were disabled, left,
// or cannot remember their password). The person signing in is told whose changes they are and how
// many, and may save them to a file for the council, then, having said so, set them aside and sign in.
// Nothing leaves the phone but into that file, and only once the person confirmed. Or they go back and
// that person signs in, which sends everything as before.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { localDatabase } from '../../store/localDatabase.ts';
import {
  ChangesWaitingFromOthers,
  mayTakeChangesOfOthers,
  setAsideAndSignIn,
  VIEWER_MAY_NOT_TAKE,
} from '../../session.ts';
import { describeWaitingFrom, waitingFromOthers } from '../../../domain/sync/setAside.ts';
import { makeSetAsideFile } from './setAsideFile.ts';
import { downloadText } from '../../download.ts';
import { timeAgo } from '../../timeAgo.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';
import { Announced } from '../../components/Announced.tsx';

const andList = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

export function ChangesWaitingPanel({
  held: first,
  onSignedIn,
  onBack,
}: {
  held: ChangesWaitingFromOthers;
  onSignedIn: () => void;
  onBack: () => void;
}) {
  const [held, setHeld] = useState(first);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const groups = waitingFromOthers(held.entries, held.login.user.id);
  const makers = andList(groups.map((group) => group.madeBy.displayName));
  const oldest = held.entries.reduce((at, entry) => (entry.queuedAt < at ? entry.queuedAt : at), '9999');
  const count = held.entries.length;
  const whose = groups.length === 1 ? `${makers}’s` : 'their';

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!mayTakeChangesOfOthers(held.login.user)) throw new Error(VIEWER_MAY_NOT_TAKE);
      const file = await makeSetAsideFile(localDatabase, held.entries, held.login.user);
      downloadText(file.name, file.text, 'application/json;charset=utf-8');
      setSavedAs(file.name);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not make the file.');
    } finally {
      setBusy(false);
    }
  };

  const setAside = async (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed)
      return setError('Tick the box to say the file is saved before the changes are set aside.');
    setBusy(true);
    setError(null);
    try {
      await setAsideAndSignIn(localDatabase, held);
      onSignedIn();
    } catch (failure) {
      if (failure instanceof ChangesWaitingFromOthers) {
        // More were made meanwhile (another tab): they need the file too, so it is made again.
        setHeld(failure);
        setSavedAs(null);
        setConfirmed(false);
        setError(
          'More changes were made on this phone meanwhile. Save the file again: it now holds them all.',
        );
      } else setError(failure instanceof Error ? failure.message : 'Could not set the changes aside.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="changes-waiting-heading">
      <h1 id="changes-waiting-heading" ref={heading} tabIndex={-1}>
        Changes waiting from <bdi>{makers}</bdi>
      </h1>
      <p>
        Changes to {describeWaitingFrom(groups)} have not reached the server.{' '}
        {count === 1 ? 'It was made on this phone' : 'They were made on this phone, the first'}{' '}
        {timeAgo(oldest)}, and only <bdi>{whose}</bdi> own sign-in can send {count === 1 ? 'it' : 'them'}.
      </p>
      <p>
        If <bdi>{makers}</bdi> can sign in, go back and let them sign in here first: everything is then sent.
        If not (they have left, their account was disabled, or they cannot remember their password), save the
        changes to a file and send it to the council&rsquo;s policy &amp; information team, so that what was
        done is not lost. Then set them aside to sign in as <bdi>{held.login.user.displayName}</bdi>.
      </p>
      {!mayTakeChangesOfOthers(held.login.user) && <p className="banner warning">{VIEWER_MAY_NOT_TAKE}</p>}
      <BusyButton
        type="button"
        busy={busy && !savedAs}
        hidden={!mayTakeChangesOfOthers(held.login.user)}
        onClick={() => void save()}
      >
        {savedAs ? 'Save the file again' : 'Save the changes to a file'}
      </BusyButton>
      <Announced>
        {savedAs && (
          <p>
            Saved as <bdi>{savedAs}</bdi> in your downloads. Send it to the council&rsquo;s policy &amp;
            information team.
          </p>
        )}
      </Announced>
      {savedAs && (
        <form onSubmit={(event) => void setAside(event)} aria-label="Set the changes aside">
          <label className="inline">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />{' '}
            I have the file. Remove {count === 1 ? 'this change' : `these ${count} changes`} (
            {groups.map((group) => group.records).join(', ')}) from this phone:{' '}
            {count === 1 ? 'it is' : 'they are'} then only in the file.
          </label>
          <BusyButton type="submit" busy={busy}>
            Set the changes aside and sign in
          </BusyButton>
        </form>
      )}
      <FormProblem message={error} />
      <button type="button" className="secondary" onClick={onBack}>
        Back to sign in
      </button>
    </section>
  );
}
