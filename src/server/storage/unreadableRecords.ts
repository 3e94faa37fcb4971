// Records stored by an older version that today's schemas refuse (a `javascript:` plan link, a list over
// its new limit, a name of invisible characters only). The server would still send them, and every
// device would set them aside as unreadable (src/domain/sync/readPullPage.ts), so nobody could see or
// correct them in the app. This finds them: each table read in pages of rows (one statement a page),
// each record checked with the schema the app reads it with, and the refusals counted by entity and
// field, with the ids, so an operator can mend them. Records naming a record the server never had
// (stored before pushes were checked for it, src/server/sync/knownRecords.ts) are counted too. The
// server runs it once after starting, off the request path (it yields between pages);
// `npm run check-records` runs it on demand and lists the ids.
import type { Database } from './database.ts';
import { ENTITIES, describeEntity, type Entity } from '../../domain/entities/registry.ts';
import { fieldErrors } from '../../domain/api/apiError.ts';
import { referencesIn, type Reference, type Referenced } from '../../domain/entities/references.ts';
import { KnownRecords } from '../sync/knownRecords.ts';

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
  /**
   * Records (readable ones) naming a record the server never had — stored before pushes were checked
   * for it (knownRecords.ts). Devices read them; the app can correct them. By entity and field.
   */
  dangling: UnreadableField[];
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

const wordFor = (entity: Referenced) => (entity === 'person' ? 'person' : describeEntity(entity).words.one);

/** A field path without list positions, so refusals at items 3 and 7 of a list count as one field. */
const fieldName = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '[]');

export async function findUnreadableRecords(
  db: Database,
  options: CheckOptions = {},
): Promise<UnreadableReport> {
  const started = performance.now();
  const pageSize = options.pageSize ?? PAGE;
  const found = new Map<string, UnreadableField>();
  const dangling = new Map<string, UnreadableField>();
  const note = (
    into: Map<string, UnreadableField>,
    entity: Entity,
    path: string,
    message: string,
    id: string,
  ) => {
    const field = fieldName(path);
    const key = `${entity}:${field}`;
    const entry = into.get(key) ?? { entity, field, message, ids: [] };
    if (entry.ids.at(-1) !== id) entry.ids.push(id);
    into.set(key, entry);
  };
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
      const named: { id: string; reference: Reference }[] = [];
      for (const row of rows) {
        const parsed = schema.safeParse(row.record);
        if (parsed.success) {
          const record = parsed.data as Record<string, unknown>;
          for (const reference of referencesIn(entity, record)) named.push({ id: row.id, reference });
          continue;
        }
        unreadable += 1;
        for (const [path, message] of Object.entries(fieldErrors(parsed.error)))
          note(found, entity, path, message, row.id);
      }
      // What this page's records name, in one statement (removed records count as known, as in a push).
      const references = named.map((entry) => entry.reference);
      const unknown = new Set(
        await (await KnownRecords.read(db, references)).unknown(references, { get: () => undefined }),
      );
      for (const { id, reference } of named)
        if (unknown.has(reference))
          note(dangling, entity, reference.field, `names no ${wordFor(reference.entity)} on the server`, id);
      checked += rows.length;
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1]!.id;
      await options.between?.();
    }
  }
  const sorted = (entries: Map<string, UnreadableField>) =>
    [...entries.values()].sort(
      (a, b) =>
        ENTITIES.indexOf(a.entity) - ENTITIES.indexOf(b.entity) ||
        b.ids.length - a.ids.length ||
        a.field.localeCompare(b.field),
    );
  return {
    checked,
    unreadable,
    fields: sorted(found),
    dangling: sorted(dangling),
    ms: Math.round(performance.now() - started),
  };
}

/** How to mend them, in the operator's words (printed by the server's warning and by the command). */
export const MENDING =
  'Devices set these records aside as unreadable, so nobody can see or correct them in the app until ' +
  'they are mended on the server. Run `npm run check-records` for their ids by entity and field, ' +
  'correct the value of each field named (a link that is not http or https, a list over its limit, a ' +
  'name that is only invisible characters), and run it again until it finds none.';

/** The warning the server logs: one line per entity and field, with how many records. */
export function unreadableWarning(report: UnreadableReport): string[] {
  return [...unreadableLines(report), ...danglingLines(report)];
}

function danglingLines(report: UnreadableReport): string[] {
  if (report.dangling.length === 0) return [];
  return [
    'WARNING: stored records name records the server never had (stored before pushes were checked):',
    ...report.dangling.map(
      (entry) => `  ${entry.entity}.${entry.field}: ${entry.ids.length} (${entry.message})`,
    ),
    '  Devices show them without what they name; correct them in the app (`npm run check-records` lists them).',
  ];
}

function unreadableLines(report: UnreadableReport): string[] {
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
