// Our API about Open Referral UK, for admins: the taxonomy term mappings the import applies, and
// fetching a feed from a URL so the app can preview it like a file.
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import type { AuthEnv } from '../auth/routes.ts';
import { readJson } from '../http/body.ts';
import { forbidden } from '../http/errors.ts';
import { canEditDirectory } from '../../domain/entities/access.ts';
import { termMappingsSchema } from '../../domain/openReferral/termMapping.ts';
import { fetchFeedRequestSchema, type TermMappingsResponse } from '../../domain/openReferral/orukApi.ts';
import { readTermMappings, replaceTermMappings } from './termMappingStore.ts';
import { fetchFeed, FEED_LIMITS, type FeedLimits } from './fetchFeed.ts';
import { PUBLIC_ONLY, type FeedAccess } from './feedAddress.ts';

export function openReferralRoutes(
  db: Database,
  access: FeedAccess = PUBLIC_ONLY,
  limits: FeedLimits = FEED_LIMITS,
) {
  return new Hono<AuthEnv>()
    .use('*', async (c, next) => {
      if (!canEditDirectory(c.get('user')))
        throw forbidden('Only administrators import Open Referral feeds and map their terms.');
      await next();
    })
    .get('/term-mappings', async (c) => {
      const answer: TermMappingsResponse = { mappings: await readTermMappings(db) };
      return c.json(answer);
    })
    .put('/term-mappings', async (c) => {
      const { mappings } = await readJson(c, termMappingsSchema);
      await replaceTermMappings(db, mappings);
      const answer: TermMappingsResponse = { mappings: await readTermMappings(db) };
      return c.json(answer);
    })
    .post('/fetch', async (c) => {
      const { url } = await readJson(c, fetchFeedRequestSchema);
      return c.json(await fetchFeed(url, limits, access));
    });
}
