// Password hashing with scrypt (memory-hard, in node:crypto). Stored as
// scrypt-sha256$N$r$p$salt$digest: the cost travels with each hash, so it can be raised later without
// breaking old ones, and the digest is the SHA-256 of scrypt's key, not the key. That is what lets a
// device do the scrypt itself ("server relief"): it asks for the salt and cost, sends the key as a
// proof, and the server checks one SHA-256 (verifyProof). A copy of the table still costs a guesser a
// whole scrypt per guess, and the proof, unlike the key, is never stored.
//
// A burst of sign-ins (a shift starting, every phone reconnecting after an outage) must not starve the
// rest of the server: scrypt runs on libuv's small thread pool, which also compresses answers and reads
// files. So at most one scrypt per core runs at a time and the others wait their turn in order, and
// identical verifications already in flight (one person's phone and tablet, a retried request) share
// one computation. Nothing is remembered after it ends: the cost of each new guess stays the same.
import { availableParallelism } from 'node:os';
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordForms, passwordText } from '../../domain/accounts/passwordText.ts';

const SCHEME = 'scrypt-sha256';

export const COST = { N: 16384, r: 8, p: 1 };
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

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

interface StoredHash {
  cost: { N: number; r: number; p: number };
  salt: Buffer;
  digest: Buffer;
}

function parseStored(stored: string): StoredHash | null {
  const [scheme, n, r, p, salt, digest] = stored.split('$');
  if (scheme !== SCHEME || !salt || !digest) return null;
  return {
    cost: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64'),
    digest: Buffer.from(digest, 'base64'),
  };
}

const matches = (key: Buffer, stored: StoredHash) => {
  const digest = sha256(key);
  return digest.length === stored.digest.length && timingSafeEqual(digest, stored.digest);
};

/** `cost` is for tests of older hashes; everything else hashes at today's cost. */
export async function hashPassword(password: string, cost: ScryptOptions = COST): Promise<string> {
  const salt = randomBytes(16);
  const digest = sha256(await derive(passwordText(password), salt, cost));
  return [SCHEME, cost.N, cost.r, cost.p, salt.toString('base64'), digest.toString('base64')].join('$');
}

/** The salt and cost a device needs to make the proof of a password (base64 salt), or null if unreadable. */
export function saltOf(stored: string): { N: number; r: number; p: number; salt: string } | null {
  const parsed = parseStored(stored);
  return parsed && { ...parsed.cost, salt: parsed.salt.toString('base64') };
}

/** Whether `proof` (base64) is the scrypt key of the password behind `stored`: one SHA-256, no scrypt. */
export function verifyProof(proof: string, stored: string): boolean {
  const parsed = parseStored(stored);
  return parsed !== null && matches(Buffer.from(proof, 'base64'), parsed);
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

/**
 * Whether `password` is the one behind `stored`: `renew` when the hash should be made again now that
 * the password is known (it is from an older cost, or of the password as typed before passwords were
 * normalised, which a device's proof, made of the normalised form, would never match).
 */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<{ matches: boolean; renew: boolean }> {
  const parsed = parseStored(stored);
  if (!parsed) return { matches: false, renew: false };
  const [normalised, asTyped] = passwordForms(password);
  if (matches(await deriveShared(normalised!, stored, parsed.salt, parsed.cost), parsed))
    return { matches: true, renew: hashIsOutdated(stored) };
  if (asTyped !== undefined && matches(await deriveShared(asTyped, stored, parsed.salt, parsed.cost), parsed))
    return { matches: true, renew: true };
  return { matches: false, renew: false };
}
