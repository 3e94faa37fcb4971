-- Whose change each change-log row is, so a parish coordinator's pull reads only their parish's
-- parish-scoped records instead of receiving a tombstone for every other parish's. NULL: everyone's.
-- 'p:<parish>' requests, timelines and conflicts ('p:' with no parish: staff only); 'c:<parish>'
-- restricted contacts. When a record leaves a scope, an 'exit:<entity>' row in the old scope tells
-- those who could see it to forget it.
ALTER TABLE change_log ADD COLUMN scope text;

UPDATE change_log l SET scope = 'p:' || coalesce(r.parish_code, '')
  FROM requests r WHERE l.entity = 'request' AND l.entity_id = r.id::text;
UPDATE change_log l SET scope = 'p:' || coalesce(t.parish_code, '')
  FROM timeline t WHERE l.entity = 'timeline' AND l.entity_id = t.id::text;
UPDATE change_log l SET scope = 'p:' || coalesce(c.parish_code, '')
  FROM conflicts c WHERE l.entity = 'conflict' AND l.entity_id = c.id;
UPDATE change_log l SET scope = 'c:' || coalesce(c.parish_code, '')
  FROM contacts c WHERE l.entity = 'contact' AND l.entity_id = c.id::text AND c.restricted;
