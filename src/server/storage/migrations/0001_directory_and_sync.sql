-- Directory records (wards, parishes, partners, contacts) as validated JSON documents keyed by their
-- id, users and sessions, and the change log that sync pulls from. Ids are made by clients (UUIDs) or
-- are ONS codes (wards, parishes), never server serials.
CREATE TABLE wards (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE parishes (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partners (
  id uuid PRIMARY KEY,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  parish_code text,
  restricted boolean NOT NULL,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'duty_officer', 'parish_coordinator')),
  parish_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'parish_coordinator' OR parish_code IS NOT NULL)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per record that has ever changed, moved to the end each time the record changes.
-- Ordered by (xid, seq): a pull only returns rows whose transaction id is below the oldest one still
-- running, so a slow transaction that commits late is never skipped (see src/server/sync/pull.ts).
CREATE SEQUENCE change_seq;
CREATE TABLE change_log (
  entity text NOT NULL,
  entity_id text NOT NULL,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (entity, entity_id)
);
CREATE INDEX change_log_order ON change_log (xid, seq);

-- Mutation ids already applied, so a push sent twice is applied once (used by push, issue 4).
CREATE TABLE applied_mutations (
  id uuid PRIMARY KEY,
  client_id text NOT NULL,
  user_id uuid NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- Small facts about this installation, e.g. where the current area came from.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
