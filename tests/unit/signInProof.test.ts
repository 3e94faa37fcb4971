// What the app sends to sign in, from the server's salt answer: a proof when it gives a salt, the
// password when it asks for it or asks for more work than a phone should do, and a plain-words error
// when its answer cannot be read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signInCredentials } from '../../src/app/features/account/signInProof.ts';

function serverAnswers(body: unknown) {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status: 200 })));
}
const salt = { send: 'proof', algorithm: 'scrypt', N: 1024, r: 8, p: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' };

describe('sign-in credentials', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a proof, not the password, when the server gives a salt', async () => {
    serverAnswers(salt);
    const credentials = await signInCredentials('duty', 'correct horse');
    expect(credentials).toEqual({ proof: expect.stringMatching(/^[\w+/]{43}=$/) });
  });

  it('sends the password when asked for it, or when the cost asked is beyond a phone', async () => {
    serverAnswers({ send: 'password' });
    expect(await signInCredentials('duty', 'pw')).toEqual({ password: 'pw' });
    serverAnswers({ ...salt, N: 2 ** 22 });
    expect(await signInCredentials('duty', 'pw')).toEqual({ password: 'pw' });
  });

  it('says in words when the answer cannot be read', async () => {
    serverAnswers({ ...salt, salt: 'not base64!' });
    await expect(signInCredentials('duty', 'pw')).rejects.toThrow(
      'The server gave an answer this app cannot read. Please try again.',
    );
  });
});
