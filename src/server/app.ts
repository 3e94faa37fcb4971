// The HTTP application: the JSON API under /api and the built PWA for everything else.
// Hono, because it is small (two packages), speaks web-standard Request/Response, and is quick.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Database } from './storage/database.ts';
import type { ServerConfig } from './config.ts';
import { authRoutes } from './auth/routes.ts';
import { requireActiveUser, type SessionEnv } from './auth/sessionGuard.ts';
import { loginEvents, logoutEvents } from './auth/loginEvents.ts';
import { accountRoutes } from './auth/sessionsRoutes.ts';
import { userAdminRoutes } from './auth/userAdmin.ts';
import { auditRoutes } from './audit/auditRoutes.ts';
import { publicRoutes } from './public/publicRoutes.ts';
import { syncRoutes } from './sync/routes.ts';
import { SEGMENT_SETTINGS } from './sync/staffSegments.ts';
import { openReferralRoutes } from './openReferral/routes.ts';
import { openReferralFeedRoutes } from './openReferral/feedRoutes.ts';
import { resolveHost, type ResolveHost } from './openReferral/feedAddress.ts';
import { errorBody, handleError, HttpError, notFound } from './http/errors.ts';
import { APP_VERSION } from './version.ts';
import { pullHorizon } from './storage/pullHorizon.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { compressAnswers } from './http/compressAnswers.ts';
import { apiVersionCheck } from './http/apiVersion.ts';
import { serverTiming } from './http/serverTiming.ts';
import type { AppConfig } from '../domain/api/appConfig.ts';
import { openApiDocument } from '../domain/api/openApi.ts';
import { methodsAt } from '../domain/api/routeMethods.ts';

const MAX_BODY_BYTES = 4 * 1024 * 1024;

const bodyWithinLimit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new HttpError(413, 'too_large', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  },
});

/**
 * The body limit, for requests that may carry a body. GET and HEAD never have theirs read, and
 * asking for one makes @hono/node-server build a full web Request (with its abort signal) in place of
 * its light one: 3.6% of the server's main thread in a profile of the load at 200 pulls a second.
 */
const limitBodies: MiddlewareHandler = (c, next) =>
  c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : bodyWithinLimit(c, next);

/**
 * A path the API has, asked with a method it does not take (GET /api/sync/push): 405 with the methods
 * it does take; a path it lacks: 404, naming the path it likely meant (/api/public/partners/ was told
 * "Please sign in", though that list needs no sign-in). Both before sign-in is checked, as the API
 * description says as much to anyone.
 */
const methodAllowed: MiddlewareHandler = async (c, next) => {
  const allowed = methodsAt(c.req.path);
  if (allowed.length === 0) {
    const meant = c.req.path.replace(/\/+$/, '').replace(/\/{2,}/g, '/');
    throw notFound(
      `There is no API at ${c.req.method} ${c.req.path}.` +
        (meant !== c.req.path && methodsAt(meant).length > 0 ? ` Did you mean ${meant}?` : ''),
    );
  }
  if (allowed.includes(c.req.method)) return next();
  throw new HttpError(
    405,
    'method_not_allowed',
    `${c.req.path} takes ${allowed.join(', ')}, not ${c.req.method}.`,
    undefined,
    { Allow: allowed.join(', ') },
  );
};

export function createApp(
  db: Database,
  config: Pick<ServerConfig, 'distDir' | 'sessionDays'> &
    Partial<
      Pick<
        ServerConfig,
        | 'tileUrl'
        | 'tileAttribution'
        | 'trustProxy'
        | 'idleLockMinutes'
        | 'orukFetchAllow'
        | 'pullCacheMb'
        | 'pullSegmentsFrom'
      >
    > & { resolveHost?: ResolveHost },
) {
  // Public on purpose: the map needs it before and without a sign-in, and it holds nothing secret.
  const appConfig: AppConfig = {
    tileUrl: config.tileUrl ?? null,
    tileAttribution: config.tileAttribution ?? null,
    idleLockMinutes: config.idleLockMinutes ?? 15,
  };
  let description: ReturnType<typeof openApiDocument> | undefined;
  const api = new Hono<SessionEnv>()
    .use(serverTiming())
    .use(apiVersionCheck(APP_VERSION))
    // A first pull is megabytes of JSON: gzip makes it a fraction on one bar of signal.
    .use(compressAnswers())
    .use(limitBodies)
    .use(methodAllowed)
    .get('/health', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({
        status: 'ok' as const,
        database: db.kind,
        version: APP_VERSION,
        ...(await pullHorizon(db)),
      });
    })
    .get('/config', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(appConfig);
    })
    .get('/openapi.json', (c) => c.json((description ??= openApiDocument(APP_VERSION))))
    .use('/auth/login', loginEvents(db))
    .use('/auth/logout', logoutEvents(db))
    .route('/auth', authRoutes(db, config.sessionDays, config.trustProxy ?? 0))
    .route('/public', publicRoutes(db))
    .use('*', requireActiveUser(db))
    .route('/account', accountRoutes(db))
    .route('/admin/users', userAdminRoutes(db))
    .route('/admin/audit', auditRoutes(db))
    .route(
      '/sync',
      syncRoutes(
        db,
        (config.pullCacheMb ?? 64) * 1024 * 1024,
        config.pullSegmentsFrom ?? SEGMENT_SETTINGS.busyPullsPerSecond,
      ),
    )
    .route(
      '/openreferral',
      openReferralRoutes(db, {
        allow: config.orukFetchAllow ?? [],
        resolve: config.resolveHost ?? resolveHost,
      }),
    )
    .all('*', (c) =>
      c.json(errorBody('not_found', `There is no API at ${c.req.method} ${c.req.path}.`), 404),
    );

  const app = new Hono();
  app.onError(handleError);
  app.use('*', securityHeaders(appConfig.tileUrl, config.trustProxy ?? 0));
  app.route('/api', api);
  // The public Open Referral UK feed: no sign-in, as the ORUK profile asks.
  app.route('/', openReferralFeedRoutes(db));

  // Files are sent as built: brotli or gzip copies made at build time (src/server/cli/precompress.ts)
  // when the browser takes them. Hashed build assets never change; everything else (the page, the
  // service worker, the manifest) must always be checked, or a new version would never reach anyone.
  const root = relative(process.cwd(), config.distDir) || '.';
  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/') || c.res.status !== 200) return;
    c.res.headers.set('Vary', 'Accept-Encoding');
    c.res.headers.set(
      'Cache-Control',
      c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  });
  app.use('*', serveStatic({ root, precompressed: true }));
  // A missing build file is missing: the page in its place would be cached for a year as a script.
  app.get('/assets/*', (c) => c.json(errorBody('not_found', `There is no file at ${c.req.path}.`), 404));
  // Any other page is the single-page app, which routes on the client.
  const indexFile = join(config.distDir, 'index.html');
  const servePage = serveStatic({ root, path: 'index.html', precompressed: true });
  app.get('*', async (c, next) => {
    if (!existsSync(indexFile)) {
      return c.text('The app is not built. Run `npm run build` (npm start does this for you).', 503);
    }
    return servePage(c, next);
  });
  return app;
}
