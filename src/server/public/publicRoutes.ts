// The public directory API (GET /api/public/partners): no sign-in, for residents and for other
// organisations' tools. Only partners that agreed to be shown publicly, only their public fields
// (src/domain/directory/publicPartner.ts); answers are checked against the strict public schema before leaving.
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import { partnerSchema, type Partner } from '../../domain/entities/partner.ts';
import { publicDirectory, publicDirectorySchema } from '../../domain/directory/publicPartner.ts';

export function publicRoutes(db: Database) {
  return new Hono().get('/partners', async (c) => {
    // The agreement is checked in SQL first (old records by listedPublicly), then again in the domain.
    const rows = await db.query<{ record: unknown }>(
      `SELECT record FROM partners
       WHERE record->>'status' = 'active'
         AND coalesce((record->'agreement'->>'shownPublicly')::boolean, (record->>'listedPublicly')::boolean, false)`,
    );
    const partners = rows
      .map((row) => partnerSchema.safeParse(row.record))
      .filter((parsed) => parsed.success)
      .map((parsed) => parsed.data as Partner);
    const answer = publicDirectorySchema.parse({ partners: publicDirectory(partners) });
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(answer);
  });
}
