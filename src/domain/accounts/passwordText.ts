// One password, however the keyboard spelt it. An accented letter can arrive as one character (é) or
// as a letter followed by a combining accent (e + ◌́), depending on the phone, the keyboard and the
// operating system; a Japanese or Chinese keyboard may type full-width digits and letters. To the
// person typing they are the same password, so every hash and proof is made of one form of it:
// Unicode NFKC, as NIST SP 800-63B advises for passwords. Shared by the app (sign-in proof, idle lock)
// and the server (stored hashes), which must agree on the form or a sign-in fails.

/** The form of a password that is hashed. */
export const passwordText = (password: string): string => password.normalize('NFKC');

/**
 * The forms a stored hash may have been made from, today's first: hashes made before passwords were
 * normalised hold the password exactly as it was typed then.
 */
export function passwordForms(password: string): string[] {
  const normalised = passwordText(password);
  return normalised === password ? [password] : [normalised, password];
}
