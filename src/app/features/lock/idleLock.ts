// When the app locks itself: after a set time with no touch, key or click (default 15 minutes, from
// the server's app config), so a phone left on a table does not show requests or restricted contacts.
// The time of the last activity and the locked state are kept in localStorage, so closing and
// reopening the app (or reloading it offline) does not skip the lock.
const LAST_ACTIVE_KEY = 'resilience-hub:last-active';
const LOCKED_KEY = 'resilience-hub:locked';

export const DEFAULT_IDLE_LOCK_MINUTES = 15;

/** Pure: has the device been idle for longer than the limit? */
export function idleTooLong(lastActiveMs: number | null, nowMs: number, minutes: number): boolean {
  return lastActiveMs !== null && nowMs - lastActiveMs > minutes * 60_000;
}

export function readLastActive(): number | null {
  const value = Number(localStorage.getItem(LAST_ACTIVE_KEY));
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function markActive(nowMs = Date.now()): void {
  localStorage.setItem(LAST_ACTIVE_KEY, String(nowMs));
}

export function isMarkedLocked(): boolean {
  return localStorage.getItem(LOCKED_KEY) === '1';
}

export function setMarkedLocked(locked: boolean): void {
  if (locked) localStorage.setItem(LOCKED_KEY, '1');
  else localStorage.removeItem(LOCKED_KEY);
}

export function forgetIdleState(): void {
  localStorage.removeItem(LAST_ACTIVE_KEY);
  localStorage.removeItem(LOCKED_KEY);
}
