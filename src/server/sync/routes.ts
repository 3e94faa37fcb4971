// The sync API: pull (changes since a cursor, scoped to the user) and push (a batch of mutations).
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import type { AuthEnv } from '../auth/routes.ts';
import { PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER, pullQuerySchema } from '../../domain/sync/sync.ts';
import { pushRequestSchema, type PushResponse } from '../../domain/sync/mutation.ts';
import { readJson, validate } from '../http/body.ts';
import { gzippedJson } from '../http/gzipped.ts';
import { pullPage } from './pull.ts';
import { push } from './push.ts';

export function syncRoutes(db: Database) {
  return new Hono<AuthEnv>()
    .get('/pull', async (c) => {
      const query = validate(pullQuerySchema, c.req.query());
      // Sent as PostgreSQL wrote it: no parsing and re-serialising tens of thousands of records here.
      // The cursor also goes in headers, so the app can ask for the next page before this one's body
      // has arrived and been read.
      const page = await pullPage(db, c.get('user'), query.since, query.limit);
      return gzippedJson(c, page.body, {
        [PULL_CURSOR_HEADER]: page.cursor,
        [PULL_HAS_MORE_HEADER]: String(page.hasMore),
      });
    })
    .post('/push', async (c) => {
      const request = await readJson(c, pushRequestSchema, { schemaChecksText: true });
      const answer: PushResponse = {
        results: await push(db, c.get('user'), request.clientId, request.mutations),
      };
      // compressAnswers gzips it whole and sends it in one piece (a stream held the last of a 3 kB
      // answer back by 10-20 ms).
      return c.json(answer);
    });
}
