-- Every synced table keeps each record's scope (who may see it, computed by the entity registry in
-- src/domain/entities, so the rule is not written again in SQL) and, for records that hang from
-- another (timeline notes, conflicts), their parent as '<entity>:<id>', so a dependant follows its
-- parent when the parent moves. The columns that used to encode scope go. One shape for every table
-- lets one write path serve them all.
ALTER TABLE wards ADD COLUMN scope text, ADD COLUMN parent_id text,
  ADD COLUMN field_clocks jsonb NOT NULL DEFAULT '{}';
ALTER TABLE parishes ADD COLUMN scope text, ADD COLUMN parent_id text;
ALTER TABLE partners ADD COLUMN scope text, ADD COLUMN parent_id text;
ALTER TABLE incidents ADD COLUMN scope text, ADD COLUMN parent_id text;

ALTER TABLE contacts ADD COLUMN scope text, ADD COLUMN parent_id text;
UPDATE contacts SET scope = CASE WHEN restricted THEN coalesce('parish:' || parish_code, 'staff') END;
ALTER TABLE contacts DROP COLUMN restricted, DROP COLUMN parish_code;

ALTER TABLE requests ADD COLUMN scope text, ADD COLUMN parent_id text;
UPDATE requests SET scope = coalesce('parish:' || parish_code, 'staff');
ALTER TABLE requests DROP COLUMN parish_code;

ALTER TABLE timeline ADD COLUMN scope text, ADD COLUMN parent_id text;
UPDATE timeline SET scope = coalesce('parish:' || parish_code, 'staff'), parent_id = 'request:' || request_id;
ALTER TABLE timeline DROP COLUMN parish_code, DROP COLUMN request_id;
CREATE INDEX timeline_parent ON timeline (parent_id);

ALTER TABLE conflicts ADD COLUMN scope text, ADD COLUMN parent_id text;
UPDATE conflicts SET scope = coalesce('parish:' || parish_code, 'staff'),
  parent_id = (record->>'entity') || ':' || (record->>'recordId');
ALTER TABLE conflicts DROP COLUMN parish_code;
CREATE INDEX conflicts_parent ON conflicts (parent_id);

-- The change log's scopes in the same words: 'p:X'/'c:X' → 'parish:X', 'p:'/'c:' → 'staff'; an exit
-- row's id names the scope it left ('*' for everyone's).
UPDATE change_log SET scope = CASE WHEN length(scope) = 2 THEN 'staff' ELSE 'parish:' || substr(scope, 3) END
  WHERE scope IS NOT NULL;
UPDATE change_log SET entity_id = split_part(entity_id, '|', 1) || '|' || coalesce(scope, '*')
  WHERE entity LIKE 'exit:%';
