-- Admins' mappings of Open Referral UK taxonomy terms to our needs (capabilities), applied on top of
-- the default mapping in src/domain/openReferral/termMapping.ts when a feed is imported. Server-side
-- settings, not a synced entity: only the import screen (online) reads them. A null capability means
-- "this term means none of our needs".
CREATE TABLE oruk_term_mappings (
  term_key text PRIMARY KEY,
  term text NOT NULL,
  capability text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
