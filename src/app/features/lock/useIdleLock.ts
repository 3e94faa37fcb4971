// Watches for activity while someone is signed in and locks the app when they have been away too
// long. Activity is written at most every few seconds, and checked every ten.
import { useCallback, useEffect, useState } from 'react';
import { idleTooLong, isMarkedLocked, markActive, readLastActive, setMarkedLocked } from './idleLock.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const WRITE_EVERY_MS = 5_000;
const CHECK_EVERY_MS = 10_000;

function lockedNow(minutes: number): boolean {
  return isMarkedLocked() || idleTooLong(readLastActive(), Date.now(), minutes);
}

export function useIdleLock(enabled: boolean, minutes: number): { locked: boolean; unlock: () => void } {
  const [locked, setLocked] = useState(() => enabled && lockedNow(minutes));

  useEffect(() => {
    if (!enabled) return;
    const check = () => {
      if (lockedNow(minutes)) {
        setMarkedLocked(true);
        setLocked(true);
      }
    };
    check();
    if (!isMarkedLocked() && readLastActive() === null) markActive();
    let lastWrite = 0;
    const onActivity = () => {
      if (isMarkedLocked()) return;
      const now = Date.now();
      if (now - lastWrite < WRITE_EVERY_MS) return;
      // Coming back after the limit counts as idle, not as activity.
      if (idleTooLong(readLastActive(), now, minutes)) return check();
      lastWrite = now;
      markActive(now);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    const timer = setInterval(check, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [enabled, minutes]);

  const unlock = useCallback(() => {
    setMarkedLocked(false);
    markActive();
    setLocked(false);
  }, []);
  return { locked: enabled && locked, unlock };
}
