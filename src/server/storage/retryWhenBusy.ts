// A transaction PostgreSQL stopped because of other transactions — chosen as a deadlock's victim
// (40P01) or failing to serialise (40001) — did nothing: it was rolled back whole. Trying it again a
// moment later nearly always succeeds, so the server does that a few times, after a short jittered
// wait, before answering the device "busy" (503). The work must be safe to repeat (a push is: its
// mutations are applied once, by id).
import type { Database, Queryable } from './database.ts';

export const BUSY_TRIES = 4;

export const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function transactionRetriedWhenBusy<T>(
  db: Database,
  work: (tx: Queryable) => Promise<T>,
  wait: (try_: number) => number = (try_) => 20 * 2 ** try_ * (0.5 + Math.random()),
): Promise<T> {
  for (let try_ = 1; ; try_ += 1) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (!isBusy(error) || try_ >= BUSY_TRIES) throw error;
      await pause(wait(try_));
    }
  }
}
