-- People and roles, signed-in devices, the audit trail and retention (issue 10).
-- Users gain the viewer role, can be disabled, and may have to change a one-time password.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('admin', 'duty_officer', 'parish_coordinator', 'viewer'));
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Each session is one signed-in device: an id to name it by (the token hash stays secret), the browser
-- it signed in from, when it was last seen, and why it ended when someone signed it out. scope_key is
-- the role and parish the device's copy was pulled under; when the person's role or parish changes,
-- the device is told to narrow its copy before it syncs again.
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE sessions ADD CONSTRAINT sessions_id_unique UNIQUE (id);
ALTER TABLE sessions ADD COLUMN user_agent text NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE sessions ADD COLUMN revoked_at timestamptz;
ALTER TABLE sessions ADD COLUMN revoked_reason text;
ALTER TABLE sessions ADD COLUMN scope_key text;
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit trail: every change on the server and every sign-in, failed sign-in, sign-out, role
-- change and purge. Append-only: a trigger refuses updates and deletes, whoever asks.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  device_at timestamptz,
  user_id uuid,
  username text,
  client_id text,
  action text NOT NULL,
  entity text,
  record_id text,
  field text,
  old_value jsonb,
  new_value jsonb,
  detail text
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
CREATE INDEX audit_log_record ON audit_log (record_id, at);

-- The one change allowed: retention may blank the old and new values of an entry (personal details
-- must not outlive the record they were in), keeping who, when, what and which field.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (NEW.id, NEW.at, NEW.device_at, NEW.user_id, NEW.username, NEW.client_id, NEW.action, NEW.entity,
          NEW.record_id, NEW.field, NEW.detail)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.device_at, OLD.user_id, OLD.username, OLD.client_id, OLD.action, OLD.entity,
          OLD.record_id, OLD.field, OLD.detail)
     AND NEW.old_value IS NOT DISTINCT FROM
         (CASE WHEN OLD.old_value IS NULL THEN NULL ELSE '"[removed under the retention schedule]"'::jsonb END)
     AND NEW.new_value IS NOT DISTINCT FROM
         (CASE WHEN OLD.new_value IS NULL THEN NULL ELSE '"[removed under the retention schedule]"'::jsonb END)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Retention: when a request's personal details were removed.
ALTER TABLE requests ADD COLUMN purged_at timestamptz;
