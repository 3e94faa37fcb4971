-- Each record's clock stamps as pulls send them, shorter: "*" stands for the stamp of the record's id,
-- which every field set when the record was made shares, and only fields changed since (or not in the
-- record) are named with their own (src/domain/sync/pulledStamps.ts reads them back). A request made on
-- a phone had its stamp written out 14 times, more than half of what a pull sent for it; every duty
-- officer's pull carries every new request, and every phone reads and stores what it is sent.
-- Records without a stamped id (seeded, edited only since) are sent as before, every stamp named.
-- The column keeps its name, so a server of the previous version still reads it during a rolling
-- upgrade; the API version rises with this (apps that do not know "*" are told to reload).
CREATE FUNCTION pulled_stamps(clocks jsonb, record jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    common jsonb := clocks->'id'->'hlc';
    sent jsonb;
    field text;
    clock jsonb;
  BEGIN
    IF common IS NULL THEN
      RETURN coalesce((SELECT jsonb_object_agg(key, value->'hlc') FROM jsonb_each(clocks))::text, '{}');
    END IF;
    sent := jsonb_build_object('*', common);
    FOR field, clock IN SELECT key, value FROM jsonb_each(clocks) LOOP
      IF clock->'hlc' IS DISTINCT FROM common OR NOT record ? field THEN
        sent := sent || jsonb_build_object(field, clock->'hlc');
      END IF;
    END LOOP;
    RETURN sent::text;
  END $$;

-- Every synced table (the registry's, src/domain/entities/registry.ts); a table added later needs it too
-- (tests/integration/registry.test.ts checks).
ALTER TABLE wards DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE lsoas DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE parishes DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE partners DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE contacts DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE incidents DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE requests DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE timeline DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE conflicts DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE review_rounds DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE review_assignments DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE review_checks DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE issued_reports DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;
ALTER TABLE council_settings DROP COLUMN clock_stamps,
  ADD COLUMN clock_stamps text GENERATED ALWAYS AS (pulled_stamps(field_clocks, record)) STORED;

DROP FUNCTION stamps_of(jsonb);
