// Retention (UK GDPR storage limitation): a set number of days after a request is done or cancelled,
// its requester's details — name, phone, address and exact location, and the words of its notes — are
// removed, keeping the anonymous record (needs, ward, parish, dates, status, partners) for statistics.
// Every change goes through the change log, so the details also leave every device on its next pull;
// the values in the audit trail are blanked too, and each purge is itself in the audit trail.
import type { Database, Queryable } from '../storage/database.ts';
import { recordChanges } from '../storage/changeLog.ts';
import { formatHlc, parseHlc } from '../../domain/sync/hlc.ts';
import type { FieldClocks } from '../../domain/sync/merge.ts';
import type { HelpRequest } from '../../domain/entities/request.ts';
import { recordAudit } from '../audit/audit.ts';
import { counted } from '../../domain/words/counted.ts';

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const REMOVED = '[removed under the retention schedule]';
/** Request fields that hold the requester's details; their clocks move on so no older edit restores them. */
const PERSONAL_FIELDS = ['forWhom', 'place', 'personalDetailsRemovedAt'];
/** Timeline entries written by people (notes), whose words may name or describe the requester. */
const WORDED_KINDS = ['note', 'created'];

export interface PurgeReport {
  requests: number;
  timelineEntries: number;
  conflicts: number;
}

/** When a request was finished: the stamp of its last status change, else its last update. */
export function finishedAt(record: HelpRequest, clocks: FieldClocks): number {
  const status = clocks.status?.hlc;
  return status ? parseHlc(status).ms : Date.parse(record.updatedAt);
}

export function withoutPersonalDetails(record: HelpRequest, removedAt: string): HelpRequest {
  return {
    ...record,
    forWhom: { name: '', phone: null, households: record.forWhom.households },
    place: { ...record.place, lat: null, lon: null, address: '' },
    personalDetailsRemovedAt: removedAt,
  };
}

interface Candidate extends Record<string, unknown> {
  id: string;
  scope: string | null;
  record: HelpRequest;
  field_clocks: FieldClocks;
}

export async function purgeRequests(
  db: Database,
  options: { days?: number; now?: Date; by?: string } = {},
): Promise<PurgeReport> {
  const days = options.days ?? DEFAULT_RETENTION_DAYS;
  const now = options.now ?? new Date();
  const cutoff = now.getTime() - days * DAY_MS;
  return db.transaction(async (tx) => {
    const candidates = await tx.query<Candidate>(
      `SELECT id::text AS id, scope, record, field_clocks FROM requests
       WHERE purged_at IS NULL AND record->>'status' IN ('done', 'cancelled') FOR UPDATE`,
    );
    const due = candidates.filter((row) => finishedAt(row.record, row.field_clocks) < cutoff);
    if (due.length === 0) return { requests: 0, timelineEntries: 0, conflicts: 0 };
    const removedAt = now.toISOString();
    const stamp = { hlc: formatHlc({ ms: now.getTime(), counter: 0, node: 'retention' }), by: 'retention' };
    for (const row of due) {
      const clocks = { ...row.field_clocks };
      for (const field of PERSONAL_FIELDS) clocks[field] = stamp;
      await tx.query(
        `UPDATE requests SET record = $2::jsonb, field_clocks = $3::jsonb, purged_at = $4, updated_at = now()
         WHERE id = $1::uuid`,
        [
          row.id,
          JSON.stringify(withoutPersonalDetails(row.record, removedAt)),
          JSON.stringify(clocks),
          removedAt,
        ],
      );
    }
    const ids = due.map((row) => row.id);
    await recordChanges(
      tx,
      'request',
      due.map((row) => ({ id: row.id, scope: row.scope })),
    );
    const timelineIds = await blankNotes(tx, ids);
    const conflictIds = await blankConflicts(tx, ids);
    await blankAuditValues(tx, ids, timelineIds);
    await recordAudit(
      tx,
      due.map((row) => ({
        action: 'purge' as const,
        username: options.by ?? 'retention schedule',
        entity: 'request',
        recordId: row.id,
        detail: `requester's name, phone, address and notes removed ${days} days after the request was ${row.record.status}`,
      })),
    );
    return { requests: due.length, timelineEntries: timelineIds.length, conflicts: conflictIds.length };
  });
}

async function blankNotes(tx: Queryable, requestIds: string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string; scope: string | null }>(
    `UPDATE timeline SET record = jsonb_set(record, '{text}', to_jsonb($3::text)), updated_at = now()
     WHERE parent_id = ANY($1::text[]) AND record->>'kind' = ANY($2::text[]) AND record->>'text' <> $3
     RETURNING id::text AS id, scope`,
    [requestIds.map((id) => `request:${id}`), WORDED_KINDS, REMOVED],
  );
  await recordChanges(tx, 'timeline', rows);
  return rows.map((row) => row.id);
}

/** Conflicts kept about a purged request name it and may hold the old details: both go. */
async function blankConflicts(tx: Queryable, requestIds: string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string; scope: string | null }>(
    `UPDATE conflicts SET record = record || jsonb_build_object('recordLabel', 'Request (details removed)')
       || CASE WHEN record->>'field' = ANY($2::text[])
            THEN jsonb_build_object('keptValue', $3::text, 'otherValue', $3::text) ELSE '{}'::jsonb END,
       updated_at = now()
     WHERE record->>'entity' = 'request' AND record->>'recordId' = ANY($1::text[])
     RETURNING id, scope`,
    [requestIds, PERSONAL_FIELDS, REMOVED],
  );
  await recordChanges(tx, 'conflict', rows);
  return rows.map((row) => row.id);
}

async function blankAuditValues(tx: Queryable, requestIds: string[], timelineIds: string[]): Promise<void> {
  await tx.query(
    `UPDATE audit_log SET
       old_value = CASE WHEN old_value IS NULL THEN NULL ELSE to_jsonb($4::text) END,
       new_value = CASE WHEN new_value IS NULL THEN NULL ELSE to_jsonb($4::text) END
     WHERE (entity = 'request' AND record_id = ANY($1::text[]) AND field = ANY($3::text[]))
        OR (entity = 'timeline' AND record_id = ANY($2::text[]) AND field = 'text')`,
    [requestIds, timelineIds, PERSONAL_FIELDS, REMOVED],
  );
}

/** The daily run inside the server: once soon after start, then every 24 hours. */
export function scheduleDailyPurge(db: Database, days: number, log: (line: string) => void): () => void {
  const run = () =>
    purgeRequests(db, { days }).then(
      (report) => {
        if (report.requests > 0)
          log(
            `Retention: removed personal details from ${counted(report.requests, 'request')} finished over ${days} days ago.`,
          );
      },
      (error: unknown) => log(`Retention run failed (it will be tried again tomorrow): ${String(error)}`),
    );
  const first = setTimeout(() => void run(), 60_000);
  const daily = setInterval(() => void run(), DAY_MS);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
