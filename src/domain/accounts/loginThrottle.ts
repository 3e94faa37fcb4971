// The sign-in throttle's rules, as pure functions over failure counts (the server keeps the counts in
// PostgreSQL and applies these under a row lock). Three counts are kept for each attempt:
//   - the pair (this username from this address): the guesser. Past 8 failures it must wait, and
//     every further failure doubles the wait (1, 2, 4 … minutes, at most an hour);
//   - the address (any username from here): one address trying many usernames is a guesser too;
//   - the account (this username from anywhere): when many addresses fail on one account it is under
//     attack, and each address then gets one try before it has to wait. It is never locked as such:
//     someone presenting the right password from an address that has not been failing still signs
//     in, so nobody can lock a duty officer out in an emergency by guessing at their account.
// A password attempt counts as a failure until its password is found right (so parallel guesses cannot
// all slip in before the first is counted); a right password takes its count back (the pair's count
// starts afresh, the address's and account's lose this one attempt). A proof, checked at once, is
// decided under the same lock as its count: counted only when wrong, the pair's count cleared when right.

export type ThrottleScope = 'pair' | 'address' | 'account';

export interface FailureCount {
  failures: number;
  /** When the last counted failure happened, in ms since the epoch. */
  lastFailureAt: number;
}

export const LOGIN_LIMITS: Record<ThrottleScope, number> = {
  /** Wrong passwords for one username from one address before waiting. */
  pair: 8,
  /** Wrong passwords from one address, any usernames (a shared office or NAT has some slack). */
  address: 30,
  /** Wrong passwords on one account from anywhere before it counts as under attack. */
  account: 20,
};

const FIRST_WAIT_MS = 60_000;
const LONGEST_WAIT_MS = 60 * 60_000;
/** Failures are forgotten after this long without one (beyond any wait they imposed). */
export const FORGET_AFTER_MS = 60 * 60_000;

/** The wait after `failures` counted failures against `limit`: none below it, then doubling. */
export function waitAfter(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - limit, 20), LONGEST_WAIT_MS);
}

/** A count with old failures forgotten. */
export function currentCount(count: FailureCount, limit: number, now: number): FailureCount {
  const quietSince = count.lastFailureAt + waitAfter(count.failures, limit);
  return now - quietSince >= FORGET_AFTER_MS ? { failures: 0, lastFailureAt: count.lastFailureAt } : count;
}

function remainingWait(count: FailureCount, limit: number, now: number): number {
  const wait = waitAfter(count.failures, limit);
  return wait === 0 ? 0 : Math.max(0, count.lastFailureAt + wait - now);
}

export type ThrottleCounts = Record<ThrottleScope, FailureCount>;

export type AttemptDecision =
  { allowed: true; counts: ThrottleCounts } | { allowed: false; retryAfterMs: number };

/**
 * May this attempt check a password? If so, the counts to store (this attempt counted as a failure
 * until its password proves right).
 */
export function decideAttempt(stored: ThrottleCounts, now: number): AttemptDecision {
  const pair = currentCount(stored.pair, LOGIN_LIMITS.pair, now);
  const address = currentCount(stored.address, LOGIN_LIMITS.address, now);
  const account = currentCount(stored.account, LOGIN_LIMITS.account, now);
  const underAttack = account.failures >= LOGIN_LIMITS.account;
  const retryAfterMs = Math.max(
    remainingWait(pair, underAttack ? 1 : LOGIN_LIMITS.pair, now),
    remainingWait(address, LOGIN_LIMITS.address, now),
  );
  if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
  const counted = (count: FailureCount) => ({ failures: count.failures + 1, lastFailureAt: now });
  return {
    allowed: true,
    counts: { pair: counted(pair), address: counted(address), account: counted(account) },
  };
}
