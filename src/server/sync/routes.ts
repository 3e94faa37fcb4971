// The sync API. Pull only for now; push (the outbox) arrives with requests for help.
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import type { AuthEnv } from '../auth/routes.ts';
import { pullQuerySchema } from '../../domain/sync.ts';
import { validate } from '../http/body.ts';
import { pull } from './pull.ts';

export function syncRoutes(db: Database) {
  return new Hono<AuthEnv>().get('/pull', async (c) => {
    const query = validate(pullQuerySchema, c.req.query());
    return c.json(await pull(db, c.get('user'), query.since, query.limit));
  });
}
