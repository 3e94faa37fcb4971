// What a sign-in sends instead of the password: the proof, scrypt of the password with the salt and
// cost the server gives for that username (POST /api/auth/salt). The phone spends the scrypt — about
// 0.15 s of a desktop core, a second or so on a cheap phone — so that when a shift starts, or every
// phone comes back after an outage, the server checks one SHA-256 per sign-in instead of queueing a
// scrypt each (src/server/auth/password.ts). The password itself still goes when the server asks for it:
// an account hashed at an older cost, whose hash the server renews at today's.
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { signInSaltSchema, type SignInSalt } from '../../../domain/accounts/user.ts';
import { passwordText } from '../../../domain/accounts/passwordText.ts';
import { apiFetch } from '../../api.ts';

/** Beyond this a salt answer is not trusted to set the phone's work: the password goes instead. */
const MOST = { N: 2 ** 20, r: 32, p: 16 };

type Credentials = { password: string } | { proof: string };

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** scrypt(password, salt), 32 bytes in base64; yields to the page every few ms so it stays responsive. */
export async function signInProof(
  password: string,
  salt: Extract<SignInSalt, { send: 'proof' }>,
): Promise<string> {
  const key = await scryptAsync(passwordText(password), fromBase64(salt.salt), {
    N: salt.N,
    r: salt.r,
    p: salt.p,
    dkLen: 32,
    asyncTick: 10,
    maxmem: 2 ** 28,
  });
  return toBase64(key);
}

/**
 * The proof when the server gives a salt for it, else the password. A password that normalising
 * changes (an accent typed as a separate mark, say) goes itself: its hash may be of the form typed
 * before passwords were normalised, which only the server can check, and then renews (password.ts).
 */
export async function signInCredentials(username: string, password: string): Promise<Credentials> {
  const answer = signInSaltSchema.safeParse(
    await apiFetch('/api/auth/salt', { method: 'POST', body: JSON.stringify({ username }) }),
  );
  // Said in words on the sign-in screen, not as the schema's list of issues.
  if (!answer.success) throw new Error('The server gave an answer this app cannot read. Please try again.');
  const salt = answer.data;
  if (passwordText(password) !== password) return { password };
  if (salt.send === 'password' || salt.N > MOST.N || salt.r > MOST.r || salt.p > MOST.p) return { password };
  return { proof: await signInProof(password, salt) };
}
