// Records stored by an older version that today's schemas refuse (a `javascript:` plan link, a list over
// its new limit, a name of invisible characters only). The server would still send them, and every
// device would set them aside as unreadable (src/domain/sync/readPullPage.ts), so nobody could see or
// correct them in the app. This finds them: each table read in pages of rows (one statement a page),
// each record checked with the schema the app reads it with, and the refusals counted by entity and
// field, with the ids, so an operator can mend them. The server runs it once after starting, off the
// request path (it yields between pages); `npm run check-records` runs it on demand and lists the ids.
import type { Database } from './database.ts';
import { ENTITIES, describeEntity, type Entity } from '../../domain/entities/registry.ts';
import { fieldErrors } from '../../domain/api/apiError.ts';

/** Records of one entity refused for one field. */
export interface UnreadableField {
  entity: Entity;
  /** The field, lists' positions written [] ("coverage.wards[]"). */
  field: string;
  /** The schema's message for the first of them. */
  message: string;
  ids: string[];
}

export interface UnreadableReport {
  checked: number;
  /** Records refused (one record refused for two fields counts once). */
  unreadable: number;
  /** By entity, then by how many, most first. */
  fields: UnreadableField[];
  /** How long the check took, in milliseconds. */
  ms: number;
}

export interface CheckOptions {
  /** Rows per statement. */
  pageSize?: number;
  /** Awaited between pages: the server yields to requests there. */
  between?: () => Promise<void>;
}

const PAGE = 500;

/** A field path without list positions, so refusals at items 3 and 7 of a list count as one field. */
const fieldName = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '[]');

export async function findUnreadableRecords(
  db: Database,
  options: CheckOptions = {},
): Promise<UnreadableReport> {
  const started = performance.now();
  const pageSize = options.pageSize ?? PAGE;
  const found = new Map<string, UnreadableField>();
  let checked = 0;
  let unreadable = 0;
  for (const entity of ENTITIES) {
    const { schema, storage } = describeEntity(entity);
    let after: string | null = null;
    for (;;) {
      const rows: { id: string; record: unknown }[] = await db.query(
        `SELECT id::text AS id, record FROM ${storage.table}
         WHERE $1::text IS NULL OR id > $1::${storage.idType}
         ORDER BY id LIMIT $2`,
        [after, pageSize],
      );
      for (const row of rows) {
        const parsed = schema.safeParse(row.record);
        if (parsed.success) continue;
        unreadable += 1;
        const seen = new Set<string>();
        for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
          const field = fieldName(path);
          if (seen.has(field)) continue;
          seen.add(field);
          const key = `${entity}:${field}`;
          const entry = found.get(key) ?? { entity, field, message, ids: [] };
          entry.ids.push(row.id);
          found.set(key, entry);
        }
      }
      checked += rows.length;
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1]!.id;
      await options.between?.();
    }
  }
  const fields = [...found.values()].sort(
    (a, b) =>
      ENTITIES.indexOf(a.entity) - ENTITIES.indexOf(b.entity) ||
      b.ids.length - a.ids.length ||
      a.field.localeCompare(b.field),
  );
  return { checked, unreadable, fields, ms: Math.round(performance.now() - started) };
}

/** How to mend them, in the operator's words (printed by the server's warning and by the command). */
export const MENDING =
  'Devices set these records aside as unreadable, so nobody can see or correct them in the app until ' +
  'they are mended on the server. Run `npm run check-records` for their ids by entity and field, ' +
  'correct the value of each field named (a link that is not http or https, a list over its limit, a ' +
  'name that is only invisible characters), and run it again until it finds none.';

/** The warning the server logs: one line per entity and field, with how many records. */
export function unreadableWarning(report: UnreadableReport): string[] {
  if (report.unreadable === 0) return [];
  return [
    `WARNING: ${report.unreadable} of ${report.checked} stored records do not pass this version's ` +
      `checks and would be set aside by every device:`,
    ...report.fields.map(
      (entry) => `  ${entry.entity}.${entry.field}: ${entry.ids.length} (${entry.message})`,
    ),
    `  ${MENDING}`,
  ];
}

/**
 * Runs the check once, in the background, yielding to requests between pages; logs a warning when it
 * finds anything. Never stops the server: a failure of the check itself is logged and left.
 */
export function checkStoredRecordsInBackground(db: Database, log: (line: string) => void): Promise<void> {
  const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
  return findUnreadableRecords(db, { between: yieldToRequests }).then(
    (report) => {
      for (const line of unreadableWarning(report)) log(line);
    },
    (error: unknown) => {
      log(
        `The check of stored records could not run: ${error instanceof Error ? error.message : String(error)}`,
      );
    },
  );
}
