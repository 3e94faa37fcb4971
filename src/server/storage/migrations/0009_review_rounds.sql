-- The quarterly review (rounds, section assignments, checks), issued situation reports and council
-- settings (issue 14): synced tables in the shape every synced table has.
CREATE TABLE review_rounds (
  id uuid PRIMARY KEY,
  scope text,
  parent_id text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE review_assignments (
  id text PRIMARY KEY,
  scope text,
  parent_id text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE review_checks (
  id uuid PRIMARY KEY,
  scope text,
  parent_id text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE issued_reports (
  id uuid PRIMARY KEY,
  scope text,
  parent_id text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE council_settings (
  id text PRIMARY KEY,
  scope text,
  parent_id text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
