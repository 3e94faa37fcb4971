// The password check behind the idle lock, done on the device so it works offline: at sign-in the app
// keeps a salted PBKDF2 hash of the password (WebCrypto), never the password, and the lock screen
// compares against it. Removed at sign-out with everything else.
import { passwordForms, passwordText } from '../../../domain/accounts/passwordText.ts';

const STORAGE_KEY = 'resilience-hub:unlock';
const ITERATIONS = 210_000;

interface UnlockSecret {
  userId: string;
  salt: string;
  hash: string;
  iterations: number;
}

const toBase64 = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return toBase64(bits);
}

export async function rememberUnlockPassword(userId: string, password: string): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const secret: UnlockSecret = {
    userId,
    salt: toBase64(salt),
    hash: await derive(passwordText(password), salt, ITERATIONS),
    iterations: ITERATIONS,
  };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(secret));
}

function readSecret(): UnlockSecret | null {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as UnlockSecret | null;
  } catch {
    return null;
  }
}

/** Whether the password is the one this device's user signed in with. */
export async function checkUnlockPassword(userId: string, password: string): Promise<boolean> {
  const secret = readSecret();
  if (!secret || secret.userId !== userId) return false;
  // The form typed too: a device signed in before passwords were normalised kept a hash of that.
  for (const form of passwordForms(password)) {
    const hash = await derive(form, fromBase64(secret.salt), secret.iterations);
    // Both are hashes of fixed length: comparing them leaks nothing useful.
    if (hash === secret.hash) return true;
  }
  return false;
}

export function hasUnlockPassword(userId: string): boolean {
  return readSecret()?.userId === userId;
}

export function forgetUnlockPassword(): void {
  localStorage.removeItem(STORAGE_KEY);
}
