// The public directory API (GET /api/public/partners): no sign-in, for residents and for other
// organisations' tools. Only partners that agreed to be shown publicly, only their public fields
// (src/domain/directory/publicPartner.ts); answers are checked against the strict public schema before
// leaving. Paged (limit, offset; src/domain/api/paging.ts), by name then id, so pages neither skip nor
// repeat a partner.
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import { partnerSchema, type Partner } from '../../domain/entities/partner.ts';
import {
  isShownPublicly,
  publicDirectoryPageSchema,
  toPublicPartner,
} from '../../domain/directory/publicPartner.ts';
import { pageOf, publicPartnersPageQuery } from '../../domain/api/paging.ts';
import { readQuery } from '../http/body.ts';

export function publicRoutes(db: Database) {
  return new Hono().get('/partners', async (c) => {
    const page = readQuery(c, publicPartnersPageQuery);
    // The agreement is checked in SQL first (old records by listedPublicly), then again in the domain.
    const rows = await db.query<{ record: unknown }>(
      `SELECT record FROM partners
       WHERE record->>'status' = 'active'
         AND coalesce((record->'agreement'->>'shownPublicly')::boolean, (record->>'listedPublicly')::boolean, false)
       ORDER BY lower(record->>'name'), id
       LIMIT $1 OFFSET $2`,
      [page.limit + 1, page.offset],
    );
    const { rows: shown, nextOffset } = pageOf(rows, page);
    const partners = shown
      .map((row) => partnerSchema.safeParse(row.record))
      .filter((parsed) => parsed.success)
      .map((parsed) => parsed.data as Partner)
      .filter(isShownPublicly)
      .map(toPublicPartner);
    const answer = publicDirectoryPageSchema.parse({ partners, nextOffset });
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(answer);
  });
}
