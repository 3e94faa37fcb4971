// The admins' taxonomy term mappings in storage: read them all, or replace them all at once (the
// screen edits the whole list), keyed by the term as matched (case and punctuation ignored).
import type { Database } from '../storage/database.ts';
import { termKey, type TermMapping } from '../../domain/openReferral/termMapping.ts';
import type { CapabilityId } from '../../domain/entities/capabilities.ts';

export async function readTermMappings(db: Database): Promise<TermMapping[]> {
  const rows = await db.query<{ term: string; capability: string | null }>(
    'SELECT term, capability FROM oruk_term_mappings ORDER BY term_key',
  );
  return rows.map((row) => ({ term: row.term, capability: row.capability as CapabilityId | null }));
}

export async function replaceTermMappings(db: Database, mappings: readonly TermMapping[]): Promise<void> {
  const byKey = new Map(mappings.map((mapping) => [termKey(mapping.term), mapping]));
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM oruk_term_mappings');
    if (byKey.size === 0) return;
    await tx.query(
      `INSERT INTO oruk_term_mappings (term_key, term, capability)
       SELECT m->>'key', m->>'term', m->>'capability' FROM jsonb_array_elements($1::jsonb) AS m`,
      [JSON.stringify([...byKey].map(([key, mapping]) => ({ key, ...mapping })))],
    );
  });
}
