// The login throttle's storage: per-pair, per-address and per-account failure counts in PostgreSQL,
// read and updated under row locks in one transaction, so parallel guesses (from one process or from
// several behind a load balancer) are counted one after another and at most the limit get through.
// The rules themselves are pure, in src/domain/accounts/loginThrottle.ts. The sign-in route calls
// `attempt` when a sign-in's turn to have its password hashed comes (src/server/auth/routes.ts), so only
// the few sign-ins being checked at that moment are in flight: a burst of right passwords from one
// office address is never refused, and parallel guesses are still counted one after another. A sign-in
// with a proof is already known right or wrong when it arrives: `decide` settles it in one transaction,
// under the same locks, with nothing in flight to take back.
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../storage/database.ts';
import {
  decideAttempt,
  FORGET_AFTER_MS,
  type FailureCount,
  type ThrottleCounts,
  type ThrottleScope,
} from '../../domain/accounts/loginThrottle.ts';
import { HttpError } from '../http/errors.ts';
import { counted } from '../../domain/words/counted.ts';

const SCOPES: ThrottleScope[] = ['pair', 'address', 'account'];
/**
 * A burst of sign-ins from one office queues on that address's row, and each commit's wait for the disk
 * (1–4 ms here) held it. Counts are not records: a crash may forget the last fraction of a second of
 * them, which gives a guesser a few more tries, once.
 */
const COUNTS = { waitForDisk: false };
/** Rows idle this long are deleted now and then, so guessed usernames do not pile up. */
const PRUNE_AFTER_MS = 24 * 60 * 60_000 + FORGET_AFTER_MS;

function keyOf(scope: ThrottleScope, username: string, address: string): string {
  const counted = scope === 'pair' ? `${username}\u0000${address}` : scope === 'address' ? address : username;
  return createHash('sha256').update(`${scope}\u0000${counted}`).digest('hex');
}

export interface LoginAttempt {
  /** The password was right: take this attempt's count back. */
  succeeded(): Promise<void>;
}

interface Keys {
  byScope: Record<ThrottleScope, string>;
  /** The order every sign-in locks its rows in, so that concurrent ones queue and never deadlock. */
  sorted: string[];
}

function keysOf(username: string, address: string): Keys {
  const name = username.trim().toLowerCase();
  const byScope = Object.fromEntries(SCOPES.map((scope) => [scope, keyOf(scope, name, address)])) as Record<
    ThrottleScope,
    string
  >;
  return { byScope, sorted: Object.values(byScope).sort() };
}

/** The three counts, their rows made if missing and locked (in key order) until the transaction ends. */
async function lockCounts(tx: Queryable, keys: Keys): Promise<{ stored: ThrottleCounts; now: number }> {
  // One statement: the upsert locks each row as it reaches it, in the order given. The database's
  // clock is read with them, so every process counts on one clock.
  const rows = await tx.query<{ key: string; failures: number; last_ms: number; now_ms: number }>(
    `INSERT INTO login_throttle (key, failures, last_failure_at)
     SELECT key, 0, 'epoch'::timestamptz FROM unnest($1::text[]) AS key ORDER BY key
     ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
     RETURNING key, failures, (extract(epoch FROM last_failure_at) * 1000)::float8 AS last_ms,
       (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now_ms`,
    [keys.sorted],
  );
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const now = Math.max(Date.now(), ...rows.map((row) => Math.max(row.now_ms, row.last_ms)));
  const stored = Object.fromEntries(
    SCOPES.map((scope) => {
      const row = byKey.get(keys.byScope[scope]);
      const count: FailureCount = { failures: row?.failures ?? 0, lastFailureAt: row?.last_ms ?? 0 };
      return [scope, count];
    }),
  ) as ThrottleCounts;
  return { stored, now };
}

async function writeCounts(tx: Queryable, keys: Keys, counts: Partial<ThrottleCounts>): Promise<void> {
  const written = SCOPES.flatMap((scope) => {
    const count = counts[scope];
    return count ? [{ key: keys.byScope[scope], ...count }] : [];
  });
  if (written.length === 0) return;
  await tx.query(
    `UPDATE login_throttle AS t SET failures = v.failures,
       last_failure_at = to_timestamp(v.last_ms / 1000.0)
     FROM unnest($1::text[], $2::int[], $3::float8[]) AS v(key, failures, last_ms)
     WHERE t.key = v.key`,
    [
      written.map((count) => count.key),
      written.map((count) => count.failures),
      written.map((count) => count.lastFailureAt),
    ],
  );
}

function tooMany(retryAfterMs: number): HttpError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new HttpError(
    429,
    'too_many_attempts',
    `Too many wrong passwords from here. Wait ${counted(minutes, 'minute')} before trying again.`,
    undefined,
    { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) },
  );
}

export class LoginThrottle {
  constructor(private db: Database) {}

  /** Counts an attempt before its password is checked, or refuses it with a 429 and a wait. */
  async attempt(username: string, address: string): Promise<LoginAttempt> {
    const keys = keysOf(username, address);
    const decision = await this.db.transaction(async (tx) => {
      const { stored, now } = await lockCounts(tx, keys);
      const decided = decideAttempt(stored, now);
      if (decided.allowed) await writeCounts(tx, keys, decided.counts);
      return decided;
    }, COUNTS);
    if (!decision.allowed) throw tooMany(decision.retryAfterMs);
    this.pruneNowAndThen();
    return {
      succeeded: async () => {
        // Locks the rows in key order first, as `attempt` does. A plain UPDATE locks them in the order it
        // finds them on disk; racing an attempt of the same user and address (which locks in key order),
        // each could hold a row the other waits for: PostgreSQL ends one as a deadlock and a person with
        // the right password is answered "busy" (once in 114 in a loaded run of the office burst test).
        await this.db.query(
          `WITH locked AS MATERIALIZED (
             SELECT key FROM login_throttle WHERE key = ANY($2::text[]) ORDER BY key FOR UPDATE
           )
           UPDATE login_throttle AS t
           SET failures = CASE WHEN t.key = $1 THEN 0 ELSE greatest(t.failures - 1, 0) END
           FROM locked WHERE t.key = locked.key`,
          [keys.byScope.pair, keys.sorted],
        );
      },
    };
  }

  /**
   * For an answer known at once (a sign-in proof: one SHA-256): whether it may be given, decided and
   * counted in one transaction under the rows' locks, with no count to take back afterwards. A wrong
   * answer is counted as `attempt` counts it; a right one clears the pair's count. Refused with a 429
   * when the wait is not over, whether `right` or not, so a guesser learns nothing while waiting.
   */
  async decide(username: string, address: string, right: boolean): Promise<void> {
    const keys = keysOf(username, address);
    const decision = await this.db.transaction(async (tx) => {
      const { stored, now } = await lockCounts(tx, keys);
      const decided = decideAttempt(stored, now);
      if (!decided.allowed) return decided;
      if (!right) await writeCounts(tx, keys, decided.counts);
      else if (stored.pair.failures > 0)
        await writeCounts(tx, keys, { pair: { ...stored.pair, failures: 0 } });
      return decided;
    }, COUNTS);
    if (!decision.allowed) throw tooMany(decision.retryAfterMs);
    this.pruneNowAndThen();
  }

  private pruneNowAndThen(): void {
    if (Math.random() < 0.01) void this.prune().catch(() => undefined);
  }

  /** Deletes counts idle for over a day (called now and then by `attempt`). */
  async prune(): Promise<void> {
    // In key order too, and passing over rows a sign-in holds, so pruning never deadlocks with one.
    await this.db.query(
      `DELETE FROM login_throttle WHERE key IN (
         SELECT key FROM login_throttle WHERE last_failure_at < now() - make_interval(secs => $1)
         ORDER BY key FOR UPDATE SKIP LOCKED
       )`,
      [PRUNE_AFTER_MS / 1000],
    );
  }
}
