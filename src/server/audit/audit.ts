// The audit trail in storage: appending entries (in the caller's transaction, so an entry commits with
// the change it records or not at all) and reading them back with filters. Rows are never updated or
// deleted: the table refuses it (migration 0004), and no route offers it.
import type { Queryable } from '../storage/database.ts';
import { CombinedStatement } from '../storage/combinedStatement.ts';
import type { AuditAction, AuditQuery, AuditRow } from '../../domain/accounts/audit.ts';
import type { User } from '../../domain/accounts/user.ts';
import type { Mutation } from '../../domain/sync/mutation.ts';
import { parseHlc } from '../../domain/sync/hlc.ts';
import { sameValue } from '../../domain/sync/merge.ts';
import { describeEntity } from '../../domain/entities/registry.ts';

export interface AuditEntry {
  action: AuditAction;
  userId?: string | null;
  username?: string | null;
  clientId?: string | null;
  /** When it happened on the device (ISO), for changes made there. */
  deviceAt?: string | null;
  entity?: string | null;
  recordId?: string | null;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  detail?: string | null;
}

export async function recordAudit(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  const statement = new CombinedStatement();
  addAudit(statement, entries);
  await statement.run(tx);
}

/** The audit_log columns an entry fills, with their types. */
const COLUMNS = [
  ['action', 'text'],
  ['user_id', 'uuid'],
  ['username', 'text'],
  ['client_id', 'text'],
  ['device_at', 'timestamptz'],
  ['entity', 'text'],
  ['record_id', 'text'],
  ['field', 'text'],
  ['old_value', 'jsonb'],
  ['new_value', 'jsonb'],
  ['detail', 'text'],
] as const;

type Column = (typeof COLUMNS)[number][0];

function columnsOf(entry: AuditEntry): Record<Column, unknown> {
  return {
    action: entry.action,
    user_id: entry.userId ?? null,
    username: entry.username ?? null,
    client_id: entry.clientId ?? null,
    device_at: entry.deviceAt ?? null,
    entity: entry.entity ?? null,
    record_id: entry.recordId ?? null,
    field: entry.field ?? null,
    // jsonb null and "no value" read the same here: an absent old value is a new record's field.
    old_value: entry.oldValue === undefined ? null : entry.oldValue,
    new_value: entry.newValue === undefined ? null : entry.newValue,
    detail: entry.detail ?? null,
  };
}

/**
 * recordAudit as part of a bigger statement (a push batch's writes go in one). A text column every
 * entry has the same value in (who, from which device, which action) is sent once, not per entry:
 * the fewer bytes handed to the database, the sooner it has them.
 */
export function addAudit(statement: CombinedStatement, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  const rows = entries.map(columnsOf);
  const shared = new Map<Column, string>();
  for (const [column, type] of COLUMNS) {
    const value = rows[0]![column];
    if (type !== 'jsonb' && typeof value === 'string' && rows.every((row) => row[column] === value))
      shared.set(column, `${statement.param(value)}::${type}`);
  }
  const each = COLUMNS.filter(([column]) => !shared.has(column));
  for (const row of rows) for (const column of shared.keys()) delete row[column];
  statement.add(
    `INSERT INTO audit_log (${COLUMNS.map(([column]) => column).join(', ')})
     SELECT ${COLUMNS.map(([column]) => shared.get(column) ?? `r.${column}`).join(', ')}
     FROM jsonb_to_recordset(${statement.param(JSON.stringify(rows))}::jsonb)
       AS r(${each.map(([column, type]) => `${column} ${type}`).join(', ')})`,
  );
}

/** Bookkeeping fields every edit sets: recording them would only repeat the time. */
const UNAUDITED_FIELDS = new Set(['updatedAt']);

/** One entry per field a pushed change actually changed, with the device's time of the change. */
export function changeEntries(input: {
  user: User;
  clientId: string;
  mutation: Pick<Mutation, 'entity' | 'recordId' | 'hlc' | 'changes'>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}): AuditEntry[] {
  const { before, after, mutation } = input;
  const deviceAt = new Date(parseHlc(mutation.hlc).ms).toISOString();
  const stamped = describeEntity(mutation.entity).serverOwned;
  // Only a field the change names, one the server stamps, or one the stored record lacked can differ
  // (the others were copied from it), so only those are compared: deep comparisons are the cost here.
  const mayDiffer = (field: string) =>
    !before ||
    Object.hasOwn(mutation.changes, field) ||
    stamped.includes(field) ||
    !Object.hasOwn(before, field);
  return Object.keys(after)
    .filter((field) => !UNAUDITED_FIELDS.has(field) && mayDiffer(field))
    .filter((field) => !before || !sameValue(before[field], after[field]))
    .map((field) => ({
      action: 'change',
      userId: input.user.id,
      username: input.user.username,
      clientId: input.clientId,
      deviceAt,
      entity: mutation.entity,
      recordId: mutation.recordId,
      field,
      oldValue: before ? before[field] : undefined,
      newValue: after[field],
    }));
}

interface AuditDbRow extends Record<string, unknown> {
  id: string;
  at: string;
  device_at: string | null;
  user_id: string | null;
  username: string | null;
  client_id: string | null;
  action: AuditAction;
  entity: string | null;
  record_id: string | null;
  field: string | null;
  old_value: unknown;
  new_value: unknown;
  detail: string | null;
}

const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

/** Newest first; `before` pages back through older entries. */
export async function readAudit(
  db: Queryable,
  query: Omit<AuditQuery, 'format'>,
): Promise<{ entries: AuditRow[]; hasMore: boolean }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.person) add('lower(username) = lower(?)', query.person);
  if (query.record) add('record_id = ?', query.record);
  if (query.from) add('at >= ?::date', query.from);
  if (query.to) add(`at < ?::date + interval '1 day'`, query.to);
  if (query.before) add('audit_log.id < ?', query.before);
  params.push(query.limit + 1);
  const rows = await db.query<AuditDbRow>(
    `SELECT id::text AS id, at, device_at, user_id::text AS user_id, username, client_id, action, entity,
       record_id, field, old_value, new_value, detail
     FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY audit_log.id DESC LIMIT $${params.length}`,
    params,
  );
  const entries = rows.slice(0, query.limit).map((row): AuditRow => ({
    id: row.id,
    at: iso(row.at),
    deviceAt: row.device_at === null ? null : iso(row.device_at),
    userId: row.user_id,
    username: row.username,
    clientId: row.client_id,
    action: row.action,
    entity: row.entity,
    recordId: row.record_id,
    field: row.field,
    oldValue: row.old_value,
    newValue: row.new_value,
    detail: row.detail,
  }));
  return { entries, hasMore: rows.length > query.limit };
}
