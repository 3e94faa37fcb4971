// Password hashing with scrypt (memory-hard, in node:crypto). Stored as
// scrypt$N$r$p$salt$hash so the cost can be raised later without breaking old hashes.
//
// A burst of sign-ins (a shift starting, every phone reconnecting after an outage) must not starve the
// rest of the server: scrypt runs on libuv's small thread pool, which also compresses answers and reads
// files. So at most one scrypt per core runs at a time and the others wait their turn in order, and
// identical verifications already in flight (one person's phone and tablet, a retried request) share
// one computation. Nothing is remembered after it ends: the cost of each new guess stays the same.
import { availableParallelism } from 'node:os';
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** scrypt computations allowed at once; the default thread pool has 4 threads. */
export const HASHES_AT_ONCE = Math.max(1, Math.min(availableParallelism(), 3));

/** First come, first served, `limit` at a time. */
export class TurnQueue {
  private running = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

const turns = new TurnQueue(HASHES_AT_ONCE);
const inFlight = new Map<string, Promise<Buffer>>();

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return turns.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/** `cost` is for tests of older hashes; everything else hashes at today's cost. */
export async function hashPassword(password: string, cost: ScryptOptions = COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Whether a stored hash was made at another cost than today's: raising COST (for instance to OWASP's
 * current minimum) then reaches every account as its owner next signs in, with no reset.
 */
export function hashIsOutdated(stored: string): boolean {
  const [, n, r, p] = stored.split('$');
  return Number(n) !== COST.N || Number(r) !== COST.r || Number(p) !== COST.p;
}

/** One derivation for identical (stored hash, password) pairs in flight at the same moment. */
function deriveShared(
  password: string,
  stored: string,
  salt: Buffer,
  options: ScryptOptions,
): Promise<Buffer> {
  const key = createHash('sha256').update(stored).update('\0').update(password).digest('base64');
  const running = inFlight.get(key);
  if (running) return running;
  const derived = derive(password, salt, options).finally(() => inFlight.delete(key));
  inFlight.set(key, derived);
  return derived;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await deriveShared(password, stored, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
