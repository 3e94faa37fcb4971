// The audit trail as people read it: what happened (a change to a record, a sign-in, a purge…), who
// did it, from which device, when on that device and when the server received it, and for a change
// the field with its old and new value. Filters for the admin screen and the CSV export.
import { csvText } from '../csv/csvText.ts';
import { z } from 'zod';
import { wholeNumberParam } from '../api/paging.ts';

export const AUDIT_ACTIONS = [
  'change',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'device_signed_out',
  'user_created',
  'user_changed',
  'role_change',
  'password_reset',
  'password_changed',
  'user_disabled',
  'user_enabled',
  'purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  change: 'Changed a record',
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_out: 'Signed out',
  device_signed_out: 'Device signed out',
  user_created: 'User created',
  user_changed: 'User changed',
  role_change: 'Role or parish changed',
  password_reset: 'Password reset',
  password_changed: 'Password changed',
  user_disabled: 'User disabled',
  user_enabled: 'User re-enabled',
  purge: 'Personal details removed (retention)',
};

export const auditRowSchema = z.object({
  id: z.string(),
  /** When the server received it. */
  at: z.string(),
  /** For a change made on a device: when it was made there (offline, perhaps days before `at`). */
  deviceAt: z.string().nullable(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  clientId: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string().nullable(),
  recordId: z.string().nullable(),
  field: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  detail: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

const day = z.iso.date('must be a date as YYYY-MM-DD');

/**
 * The audit trail's filters. Strict: a misspelt filter (?user=bob) answered the whole trail, unfiltered,
 * as if it were what was asked for.
 */
export const auditQuerySchema = z
  .strictObject({
    /** A username (exact, any case). */
    person: z.string().trim().max(100).optional(),
    /** A record id. */
    record: z.string().trim().max(100).optional(),
    from: day.optional(),
    to: day.optional(),
    before: wholeNumberParam(1, Number.MAX_SAFE_INTEGER).optional(),
    limit: wholeNumberParam(1, 5000).default(200),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'the end date is before the start date',
    path: ['to'],
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({ entries: z.array(auditRowSchema), hasMore: z.boolean() });

const valueText = (value: unknown) =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** The trail as CSV: a byte order mark for Excel, and no cell a spreadsheet would run as a formula. */
export function auditCsv(rows: readonly AuditRow[]): string {
  const fields = [
    'received_at',
    'device_time',
    'username',
    'device',
    'action',
    'entity',
    'record_id',
    'field',
    'old_value',
    'new_value',
    'detail',
  ];
  const data = rows.map((row) => [
    row.at,
    row.deviceAt ?? '',
    row.username ?? '',
    row.clientId ?? '',
    row.action,
    row.entity ?? '',
    row.recordId ?? '',
    row.field ?? '',
    valueText(row.oldValue),
    valueText(row.newValue),
    row.detail ?? '',
  ]);
  return csvText(fields, data, { byteOrderMark: true });
}
