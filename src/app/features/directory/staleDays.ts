// How many days until details count as stale, chosen on the Stale page and remembered on this device
// (localStorage): an office may chase monthly while the quarterly review stays the default.
import { useSyncExternalStore } from 'react';
import { staleDaysFrom } from '../../../domain/directory/stale.ts';

const KEY = 'resilience-hub.staleDays';
const CHANGED = 'resilience-hub:stale-days';

function read(): number {
  try {
    return staleDaysFrom(localStorage.getItem(KEY));
  } catch {
    return staleDaysFrom(null); // storage blocked: the default
  }
}

export function setStaleDays(days: number): void {
  try {
    localStorage.setItem(KEY, String(days));
  } catch {
    // storage blocked or full: the choice lasts until the page closes
  }
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(listener: () => void) {
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', listener); // another tab changed it
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener('storage', listener);
  };
}

export function useStaleDays(): number {
  return useSyncExternalStore(subscribe, read);
}
