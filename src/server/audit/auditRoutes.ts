// The audit trail for admins (/api/admin/audit): newest first, filtered by person, record and dates,
// as JSON pages or one CSV file. Read only: no route changes or removes an entry.
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import { auditCsv, auditQuerySchema } from '../../domain/accounts/audit.ts';
import { readQuery } from '../http/body.ts';
import type { SessionEnv } from '../auth/sessionGuard.ts';
import { adminOnly } from '../auth/userAdmin.ts';
import { readAudit } from './audit.ts';

const CSV_MAX_ROWS = 100_000;

export function auditRoutes(db: Database) {
  return new Hono<SessionEnv>().use('*', adminOnly()).get('/', async (c) => {
    const query = readQuery(c, auditQuerySchema);
    if (query.format === 'csv') {
      const { entries } = await readAudit(db, { ...query, limit: CSV_MAX_ROWS });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="audit-trail.csv"');
      return c.body(auditCsv(entries));
    }
    return c.json(await readAudit(db, query));
  });
}
