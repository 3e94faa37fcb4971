// Slows password guessing: after a few failures a username is locked for a short while. Kept in
// memory: enough for one process; several processes each keep their own count, which only loosens it.
import { HttpError } from '../http/errors.ts';

const MAX_FAILURES = 8;
const LOCK_MS = 5 * 60 * 1000;

export class LoginThrottle {
  private failures = new Map<string, { count: number; until: number }>();

  constructor(private now: () => number = Date.now) {}

  check(username: string): void {
    const entry = this.failures.get(username.toLowerCase());
    if (entry && entry.count >= MAX_FAILURES && entry.until > this.now()) {
      const minutes = Math.ceil((entry.until - this.now()) / 60000);
      throw new HttpError(
        429,
        'too_many_attempts',
        `Too many wrong passwords. Try again in ${minutes} minute(s).`,
      );
    }
  }

  failed(username: string): void {
    const key = username.toLowerCase();
    const entry = this.failures.get(key);
    const count = entry && entry.until > this.now() ? entry.count + 1 : 1;
    this.failures.set(key, { count, until: this.now() + LOCK_MS });
  }

  succeeded(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}
