// One save at a time from a form: a second tap on Save (a double tap on a phone, Enter pressed twice)
// while the first is still saving is ignored, so a new record is never made twice. A new partner,
// contact, incident or review round gets its id when it is saved, so each extra save was another
// record. The flag is a ref as well as state, so two taps before the screen redraws are caught too.
import { useCallback, useRef, useState } from 'react';

export interface OneSubmit {
  /** A save is under way: show its button as unavailable (BusyButton). */
  busy: boolean;
  /** Runs `save` unless one is already running; resolves when it ends (or at once, if ignored). */
  once: (save: () => Promise<unknown> | void) => Promise<void>;
}

export function useOneSubmit(): OneSubmit {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const once = useCallback(async (save: () => Promise<unknown> | void) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await save();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, once };
}
