-- LSOAs (small areas with their Indices of Deprivation figures), loaded with the area by the boundary
-- importer and read by everyone: a synced table in the shape every synced table has.
CREATE TABLE lsoas (
  id text PRIMARY KEY,
  scope text,
  parent_id text,
  record jsonb NOT NULL,
  field_clocks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
