-- Sign-in proofs (src/server/auth/password.ts): a stored hash keeps the SHA-256 of scrypt's key instead
-- of the key, so that a device may send the key itself as proof of its password. Every hash is
-- converted here, with no password needed: scrypt$N$r$p$salt$key becomes scrypt-sha256$N$r$p$salt$digest.
UPDATE users
SET password_hash = 'scrypt-sha256$' || split_part(password_hash, '$', 2) || '$' ||
  split_part(password_hash, '$', 3) || '$' || split_part(password_hash, '$', 4) || '$' ||
  split_part(password_hash, '$', 5) || '$' ||
  encode(sha256(decode(split_part(password_hash, '$', 6), 'base64')), 'base64')
WHERE password_hash LIKE 'scrypt$%';

-- Values this installation keeps to itself, the same for every server process. sign_in_salt makes the
-- salt a username nobody has is answered with (src/server/auth/signInSalt.ts): always the same for the
-- same name, so asking twice does not tell a made-up name from a real one.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO server_secrets (name, value)
VALUES ('sign_in_salt', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));
