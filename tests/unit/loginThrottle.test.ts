// The throttle's rules over time, without a database: the wait grows with each failure past the
// limit, failures are forgotten after a quiet hour, an account under attack gives each address one
// try, and a refusal is never a lock of the account itself.
import { describe, expect, it } from 'vitest';
import {
  decideAttempt,
  FORGET_AFTER_MS,
  LOGIN_LIMITS,
  waitAfter,
  type FailureCount,
  type ThrottleCounts,
} from '../../src/domain/accounts/loginThrottle.ts';

const MINUTE = 60_000;
const fresh: FailureCount = { failures: 0, lastFailureAt: 0 };
const counts = (partial: Partial<ThrottleCounts>): ThrottleCounts => ({
  pair: fresh,
  address: fresh,
  account: fresh,
  ...partial,
});

/** Simulates one guesser on one address: tries at `times`, all wrong, returns which got through. */
function guesser(times: number[]): boolean[] {
  let stored = counts({});
  return times.map((now) => {
    const decision = decideAttempt(stored, now);
    if (decision.allowed) stored = decision.counts;
    return decision.allowed;
  });
}

describe('login throttle rules', () => {
  it('lets the limit through at once, then makes the guesser wait 1, 2, 4 … minutes', () => {
    const start = 1_000_000_000;
    const burst = Array.from({ length: LOGIN_LIMITS.pair + 1 }, () => start);
    expect(guesser(burst)).toEqual([...Array<boolean>(LOGIN_LIMITS.pair).fill(true), false]);
    expect(waitAfter(LOGIN_LIMITS.pair, LOGIN_LIMITS.pair)).toBe(MINUTE);
    expect(waitAfter(LOGIN_LIMITS.pair + 1, LOGIN_LIMITS.pair)).toBe(2 * MINUTE);
    expect(waitAfter(LOGIN_LIMITS.pair + 3, LOGIN_LIMITS.pair)).toBe(8 * MINUTE);
    expect(waitAfter(LOGIN_LIMITS.pair + 50, LOGIN_LIMITS.pair)).toBe(60 * MINUTE);

    const afterBurst = [...burst.slice(0, LOGIN_LIMITS.pair)];
    const tries = [...afterBurst, start + MINUTE - 1, start + MINUTE, start + 2 * MINUTE, start + 3 * MINUTE];
    expect(guesser(tries).slice(LOGIN_LIMITS.pair)).toEqual([false, true, false, true]);
  });

  it('forgets failures after a quiet hour beyond the last wait', () => {
    const stored = counts({ pair: { failures: LOGIN_LIMITS.pair, lastFailureAt: 0 } });
    expect(decideAttempt(stored, MINUTE + FORGET_AFTER_MS - 1)).toMatchObject({
      allowed: true,
      counts: { pair: { failures: LOGIN_LIMITS.pair + 1 } },
    });
    expect(decideAttempt(stored, MINUTE + FORGET_AFTER_MS)).toMatchObject({
      allowed: true,
      counts: { pair: { failures: 1 } },
    });
  });

  it('gives each address one try while the account is under attack, and never refuses a clean one', () => {
    const account = { failures: LOGIN_LIMITS.account + 500, lastFailureAt: 10 * MINUTE };
    expect(decideAttempt(counts({ account }), 10 * MINUTE).allowed).toBe(true);
    const guessedOnce = { failures: 1, lastFailureAt: 10 * MINUTE };
    expect(decideAttempt(counts({ account, pair: guessedOnce }), 10 * MINUTE)).toEqual({
      allowed: false,
      retryAfterMs: MINUTE,
    });
    expect(decideAttempt(counts({ account, pair: guessedOnce }), 11 * MINUTE).allowed).toBe(true);
  });

  it('refuses an address past its limit whatever the username', () => {
    const address = { failures: LOGIN_LIMITS.address, lastFailureAt: 0 };
    expect(decideAttempt(counts({ address }), 0)).toEqual({ allowed: false, retryAfterMs: MINUTE });
    expect(
      decideAttempt(counts({ address: { ...address, failures: LOGIN_LIMITS.address - 1 } }), 0).allowed,
    ).toBe(true);
  });

  it('does not refuse below the limit even if the clocks of two servers disagree', () => {
    const ahead = { failures: LOGIN_LIMITS.pair - 1, lastFailureAt: 5_000 };
    expect(decideAttempt(counts({ pair: ahead }), 4_000).allowed).toBe(true);
  });
});
