// Password hashing: scrypt verifies the right password and refuses others, also when many sign-ins
// arrive at once (identical ones share a computation; different ones must never be mixed up); the proof
// the app makes of a password (another scrypt implementation, in the browser) is what the server's
// hash accepts; and the turn queue that bounds scrypt runs no more than its limit at once, first come
// first served.
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  saltOf,
  TurnQueue,
  verifyPassword,
  verifyProof,
} from '../../src/server/auth/password.ts';
import { signInProof } from '../../src/app/features/account/signInProof.ts';
import { passwordForms } from '../../src/domain/accounts/passwordText.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one or a malformed hash', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt-sha256\$16384\$8\$1\$/);
    expect((await verifyPassword('correct horse', stored)).matches).toBe(true);
    expect((await verifyPassword('correct horsf', stored)).matches).toBe(false);
    expect((await verifyPassword('correct horse', 'plain$text')).matches).toBe(false);
  });

  it('takes a password typed in another Unicode form as the same password, by password or by proof', async () => {
    // An accent typed as a separate mark, and digits typed full-width on a Japanese keyboard.
    const typed = 'Cafe\u0301 ２０２６ ｎｉｇｈｔ';
    const plain = 'Café 2026 night';
    expect(passwordForms(typed)).toEqual([plain, typed]);
    expect(passwordForms(plain)).toEqual([plain]);
    const stored = await hashPassword(typed);
    expect(await verifyPassword(plain, stored)).toEqual({ matches: true, renew: false });
    expect(await verifyPassword(typed, stored)).toEqual({ matches: true, renew: false });
    expect((await verifyPassword('Cafe 2026 night', stored)).matches).toBe(false);
    const salt = { send: 'proof' as const, algorithm: 'scrypt' as const, ...saltOf(stored)! };
    expect(verifyProof(await signInProof(typed, salt), stored)).toBe(true);
    expect(verifyProof(await signInProof(plain, salt), stored)).toBe(true);
  });

  it("accepts the app's proof of the right password, at the hash's own cost, and no other", async () => {
    for (const cost of [undefined, { N: 1024, r: 8, p: 2 }]) {
      const stored = await hashPassword('correct horse', cost);
      const salt = saltOf(stored)!;
      const proof = (password: string) =>
        signInProof(password, { send: 'proof', algorithm: 'scrypt', ...salt });
      expect(verifyProof(await proof('correct horse'), stored)).toBe(true);
      expect(verifyProof(await proof('correct horsf'), stored)).toBe(false);
    }
    expect(verifyProof('A'.repeat(43) + '=', 'plain$text')).toBe(false);
  });

  it('answers each of many simultaneous sign-ins for itself', async () => {
    const [alice, bob] = await Promise.all([hashPassword('alice-pw'), hashPassword('bob-pw')]);
    const attempts = [
      ...Array.from({ length: 6 }, () => ({ stored: alice, password: 'alice-pw', ok: true })),
      ...Array.from({ length: 3 }, () => ({ stored: alice, password: 'bob-pw', ok: false })),
      ...Array.from({ length: 3 }, () => ({ stored: bob, password: 'bob-pw', ok: true })),
      ...Array.from({ length: 3 }, () => ({ stored: bob, password: 'alice-pw', ok: false })),
    ];
    const answers = await Promise.all(attempts.map((a) => verifyPassword(a.password, a.stored)));
    expect(answers.map((answer) => answer.matches)).toEqual(attempts.map((a) => a.ok));
  });
});

describe('TurnQueue', () => {
  it('runs at most its limit at once, in the order asked, and keeps going after a failure', async () => {
    const queue = new TurnQueue(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const jobs = Array.from({ length: 7 }, (_, i) =>
      queue.run(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (i === 3) throw new Error('job 3 fails');
        return i;
      }),
    );
    const settled = await Promise.allSettled(jobs);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(1);
    expect(queue.queued).toBe(0);
  });
});
