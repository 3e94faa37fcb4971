-- Failed sign-in counts for the login throttle (src/domain/loginThrottle.ts), shared by every server
-- process on this database. key is a SHA-256 of the scope and what it counts (a username, an address
-- or both), so usernames people mistype (sometimes a password) are not kept readable.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);
