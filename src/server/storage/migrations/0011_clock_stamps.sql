-- Each record's field clock stamps as pulls send them ({"field": "<hlc>"}, without who made each
-- change), kept by PostgreSQL beside the full clocks whenever they are written. A pull used to build
-- this for every record it sent: about 11 of the 20 µs it took PostgreSQL to write out an edited
-- record, paid again for every device that pulled it, where a write pays it once.
CREATE FUNCTION stamps_of(clocks jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN clocks = '{}'::jsonb THEN '{}'
          ELSE (SELECT jsonb_object_agg(key, value->'hlc') FROM jsonb_each(clocks))::text END $$;

-- Every synced table (the registry's, src/domain/entities/registry.ts); a table added later needs it too
-- (tests/integration/registry.test.ts checks).
ALTER TABLE wards ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE lsoas ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE parishes ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE partners ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE contacts ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE incidents ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE requests ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE timeline ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE conflicts ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE review_rounds ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE review_assignments ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE review_checks ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE issued_reports ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
ALTER TABLE council_settings ADD COLUMN clock_stamps text GENERATED ALWAYS AS (stamps_of(field_clocks)) STORED;
