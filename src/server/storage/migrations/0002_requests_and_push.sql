-- Requests for help, incidents, request timelines and conflicts; per-field clocks on every record that
-- people edit (last writer wins per field, see src/domain/merge.ts). parish_code scopes what a parish
-- coordinator may see.
ALTER TABLE partners ADD COLUMN field_clocks jsonb NOT NULL DEFAULT '{}';
ALTER TABLE contacts ADD COLUMN field_clocks jsonb NOT NULL DEFAULT '{}';
ALTER TABLE parishes ADD COLUMN field_clocks jsonb NOT NULL DEFAULT '{}';

CREATE TABLE incidents (
  id uuid PRIMARY KEY,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE requests (
  id uuid PRIMARY KEY,
  parish_code text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requests_parish ON requests (parish_code);

-- Append-only: rows are inserted, never updated.
CREATE TABLE timeline (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL,
  parish_code text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX timeline_request ON timeline (request_id);

CREATE TABLE conflicts (
  id text PRIMARY KEY,
  parish_code text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE applied_mutations ADD COLUMN entity text NOT NULL DEFAULT '';
