// The values of a form a person types into, kept on this device as they are typed (drafts.ts), so a
// reload, an update accepted, the phone closing the tab or a walk to another screen gives them back.
// Every such form holds its values here rather than in its own state: on opening, the fields the person
// had changed come back (with a notice and a way to start again); every change after that is kept; a
// save or an explicit Cancel forgets it. Kept for the person signed in, and given back to them only.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { discardDraft, mergeDraft, readDraft, saveDraft } from './drafts.ts';
import { useSessionUser } from '../../useSessionUser.ts';

export interface DraftForm<T extends object> {
  values: T;
  setValues: Dispatch<SetStateAction<T>>;
  /** A setter for one field, for a control's onChange. */
  set: <K extends keyof T>(field: K) => (value: T[K]) => void;
  /** Fields given back from a draft when the form opened (empty: nothing was restored). */
  restored: string[];
  /** The form was saved and is left, or cancelled: forget the draft and keep no more. */
  discard: () => Promise<void>;
  /**
   * Back to the values the form opened with (or `fresh`, which the form opens with from now on), the
   * draft forgotten: for "Start again", and for a form that stays on screen empty after a save.
   */
  startAgain: (fresh?: T) => void;
}

const warn = (what: string) => (error: unknown) => console.warn(`Could not ${what} the draft:`, error);

/**
 * The values of the form at `form` (its address, "/requests/new", or a name under the screen's address
 * for a form that shares its screen, "/incidents#open"), starting from `initial`. Nothing is kept before
 * the person's draft has been read, so opening a form never overwrites one.
 */
export function useDraft<T extends object>(form: string, initial: T | (() => T)): DraftForm<T> {
  const username = useSessionUser()?.username;
  const [values, setValues] = useState(initial);
  const base = useRef(values);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState<string[]>([]);
  const discarded = useRef(false);
  const latest = useRef(values);
  latest.current = values;

  useEffect(() => {
    if (username === undefined) return;
    let cancelled = false;
    readDraft(form, username)
      .then((draft) => {
        // Typing that began before the draft was read wins over the draft (and replaces it).
        if (cancelled || !draft || JSON.stringify(latest.current) !== JSON.stringify(base.current)) return;
        const merged = mergeDraft(base.current as Record<string, unknown>, draft);
        if (merged.changed.length === 0) return;
        setValues(merged.values as T);
        setRestored(merged.changed);
      })
      .catch(warn('read'))
      .finally(() => {
        if (!cancelled) setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [form, username]);

  useEffect(() => {
    if (!loaded || discarded.current || username === undefined) return;
    saveDraft({
      form,
      username,
      base: base.current as Record<string, unknown>,
      values: values as Record<string, unknown>,
    }).catch(warn('keep'));
  }, [loaded, form, username, values]);

  return {
    values,
    setValues,
    set: (field) => (value) => setValues((current) => ({ ...current, [field]: value })),
    restored,
    discard: async () => {
      discarded.current = true;
      setRestored([]);
      await discardDraft(form).catch(warn('forget'));
    },
    startAgain: (fresh) => {
      if (fresh) base.current = fresh;
      setRestored([]);
      setValues(base.current);
      discardDraft(form).catch(warn('forget'));
    },
  };
}
