// The sync API: pull (changes since a cursor, scoped to the user) and push (a batch of mutations).
import { Hono } from 'hono';
import type { Database } from '../storage/database.ts';
import type { AuthEnv } from '../auth/routes.ts';
import { PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER, pullQuerySchema } from '../../domain/sync/sync.ts';
import { pushRequestSchema, type PushResponse } from '../../domain/sync/mutation.ts';
import { readJson, readQuery } from '../http/body.ts';
import { acceptsGzip, gzippedJson, sendGzippedJson } from '../http/gzipped.ts';
import { pullPage, readerOf } from './pull.ts';
import { PullPageCache } from './pullPageCache.ts';
import { ChangeTexts } from './changeTexts.ts';
import { SEGMENT_SETTINGS, StaffSegments } from './staffSegments.ts';
import { push } from './push.ts';

/**
 * pullCacheBytes: how much of gzipped first-pull pages this process keeps (pullPageCache.ts), as much
 * again of records' change texts (changeTexts.ts), and as much of staff pulls' shared segments
 * (staffSegments.ts); 0, none. segmentsFrom: staff pulls a second from which segments are used (0:
 * never).
 */
export function syncRoutes(db: Database, pullCacheBytes: number, segmentsFrom: number) {
  const texts = pullCacheBytes > 0 ? new ChangeTexts(pullCacheBytes) : null;
  const cache = pullCacheBytes > 0 ? new PullPageCache(db, pullCacheBytes, texts) : null;
  const segments =
    pullCacheBytes > 0 && segmentsFrom > 0
      ? new StaffSegments(db, texts, pullCacheBytes, {
          ...SEGMENT_SETTINGS,
          busyPullsPerSecond: segmentsFrom,
        })
      : null;
  return new Hono<AuthEnv>()
    .get('/pull', async (c) => {
      const query = readQuery(c, pullQuerySchema);
      const user = c.get('user');
      const { since, limit } = query;
      // Sent as PostgreSQL wrote it: no parsing and re-serialising tens of thousands of records here.
      // The cursor also goes in headers, so the app can ask for the next page before this one's body
      // has arrived and been read.
      const gzip = acceptsGzip(c.req.header('Accept-Encoding'));
      const page =
        segments &&
        cache &&
        gzip &&
        since !== undefined &&
        readerOf(user).staff &&
        !cache.continuesFirstPull(user, since)
          ? await segments.page(user, since, limit)
          : cache && gzip
            ? await cache.page(user, since, limit)
            : await pullPage(db, user, since, limit, texts);
      const headers = {
        [PULL_CURSOR_HEADER]: page.cursor,
        [PULL_HAS_MORE_HEADER]: String(page.hasMore),
      };
      if (!('body' in page)) return sendGzippedJson(c, page.gzipped, headers);
      // A full page is a catch-up, worth gzipping hard; a last page is this device's own news.
      return gzippedJson(c, page.body, headers, page.hasMore ? 'thorough' : 'fast');
    })
    .post('/push', async (c) => {
      const request = await readJson(c, pushRequestSchema, { schemaChecksText: true });
      const answer: PushResponse = {
        results: await push(db, c.get('user'), request.clientId, request.mutations),
      };
      // Gzipped whole and sent in one piece when big enough (a stream held the last of a 3 kB answer
      // back by 10-20 ms), with its length: compressAnswers then leaves it be, where for an answer
      // without one it must read the body, which costs @hono/node-server a full web Response.
      return gzippedJson(c, JSON.stringify(answer), {}, 'fast');
    });
}
