// The sync API: pull (changes since a cursor, scoped to the user) and push (a batch of mutations).
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import type { AuthEnv } from '../auth/routes.ts';
import { pullQuerySchema } from '../../domain/sync/sync.ts';
import { pushRequestSchema, type PushResponse } from '../../domain/sync/mutation.ts';
import { readJson, validate } from '../http/body.ts';
import { pull } from './pull.ts';
import { push } from './push.ts';

export function syncRoutes(db: Database) {
  return new Hono<AuthEnv>()
    .get('/pull', async (c) => {
      const query = validate(pullQuerySchema, c.req.query());
      return c.json(await pull(db, c.get('user'), query.since, query.limit));
    })
    .post('/push', async (c) => {
      const request = await readJson(c, pushRequestSchema, { schemaChecksText: true });
      const answer: PushResponse = {
        results: await push(db, c.get('user'), request.clientId, request.mutations),
      };
      return c.json(answer);
    });
}
