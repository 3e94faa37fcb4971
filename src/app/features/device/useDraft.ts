// A form's draft, kept as it is typed: on opening, the fields the person had changed come back (with a
// notice, and a way to start again); every change after that is saved; a saved form discards it.
import { useEffect, useRef, useState } from 'react';
import { discardDraft, mergeDraft, readDraft, saveDraft } from './drafts.ts';

export interface DraftControls {
  /** Fields given back from a draft when the form opened (empty: nothing was restored). */
  restored: string[];
  /** The form was saved: forget the draft and keep no more. */
  discard: () => Promise<void>;
  /** Back to the values the form opened with; the draft is forgotten, and typing keeps a new one. */
  startAgain: () => void;
}

/**
 * Keeps `values` of the form at `form` for `username`. `restore` receives the merged values once, when
 * a draft is found. Nothing is saved before the draft has been read, so opening never overwrites one.
 */
export function useDraft<T extends object>(
  form: string,
  /** undefined while the signed-in person is being read: nothing is read or kept until then. */
  username: string | undefined,
  values: T,
  restore: (values: T) => void,
): DraftControls {
  const base = useRef(values);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState<string[]>([]);
  const discarded = useRef(false);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
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
        restoreRef.current(merged.values as T);
        setRestored(merged.changed);
      })
      .catch((error: unknown) => console.warn('Could not read the draft:', error))
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
    }).catch((error: unknown) => console.warn('Could not keep the draft:', error));
  }, [loaded, form, username, values]);

  return {
    restored,
    discard: async () => {
      discarded.current = true;
      setRestored([]);
      // The form itself is saved by now; a draft left behind only offers its text again.
      await discardDraft(form).catch((error: unknown) => console.warn('Could not forget the draft:', error));
    },
    startAgain: () => {
      setRestored([]);
      restoreRef.current(base.current);
      discardDraft(form).catch((error: unknown) => console.warn('Could not forget the draft:', error));
    },
  };
}
