// Build of the PWA (React + vite-plugin-pwa/Workbox) and the test projects Vitest runs:
// unit (pure and app logic), integration (server on PGlite and PostgreSQL) and browser (real Chromium).
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { precompressDir } from './src/server/cli/precompress.ts';

const packageVersion = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * The integration files with tests on PostgreSQL: those that name the database kinds they run on
 * (tests/support/testDatabase.ts) or the server's address, read from the files so a new one is found.
 */
function filesTestingPostgres(): string[] {
  const folder = fileURLToPath(new URL('./tests/integration/', import.meta.url));
  return readdirSync(folder)
    .filter((name) => name.endsWith('.test.ts'))
    .filter((name) =>
      /\bdatabaseKinds\b|\bTEST_DATABASE_URL\b/.test(readFileSync(join(folder, name), 'utf8')),
    )
    .map((name) => `tests/integration/${name}`);
}

/** Brotli and gzip copies of the built files, made after everything (the service worker too) is written. */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'resilience-hub:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await precompressDir(outDir);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Registered by our own code through workbox-window (src/app/serviceWorker.ts).
      injectRegister: false,
      // A new version waits until the person accepts it (src/app/serviceWorker.ts): taking over a page
      // mid-form would swap its code under it.
      registerType: 'prompt',
      // Everything Chromium's install sheet and the home screens read (the installability check in
      // tests/browser/install.test.ts). PNGs are made by tests/support/makeInstallAssets.ts.
      manifest: {
        id: '/',
        name: 'Resilience Hub',
        short_name: 'Resilience Hub',
        description:
          'Who is best placed to help in an emergency: partners, contacts and requests for help, with or without a network.',
        lang: 'en-GB',
        dir: 'ltr',
        categories: ['government', 'utilities'],
        theme_color: '#0b4f6c',
        background_color: '#ffffff',
        display: 'standalone',
        orientation: 'any',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        shortcuts: [
          {
            name: 'Find help',
            short_name: 'Find help',
            description: 'The partners best placed to help with a need in a place',
            url: '/find',
            icons: [{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          {
            name: 'Log a request',
            short_name: 'Log request',
            description: 'Log a request for help, offline too',
            url: '/requests/new',
            icons: [{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        screenshots: [
          {
            src: '/screenshot-phone.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Find help: choose what is needed and where, and call the partners best placed',
          },
          {
            src: '/screenshot-wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'Find help on a laptop',
          },
        ],
      },
      workbox: {
        // Without these the first visit's page is never controlled, and offline reloads fail.
        clientsClaim: true,
        skipWaiting: false,
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Only the install sheet shows these, online.
        globIgnores: ['**/screenshot-*.png'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/openreferral(\/|$)/],
        // Background Sync: wakes open pages to push their outbox when the network returns.
        importScripts: ['/sync-worker.js'],
        runtimeCaching: [
          {
            // Base-map tiles (TILE_URL is set at run time, so tiles are matched by their /z/x/y shape):
            // each tile seen is kept, up to a limit, so the map keeps its background offline.
            urlPattern: ({ request, url }) =>
              request.destination === 'image' && /\/\d+\/\d+\/\d+(?:@\dx)?(?:\.\w+)?$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'map-tiles',
              expiration: { maxEntries: 2000, maxAgeSeconds: 90 * 24 * 60 * 60, purgeOnQuotaError: true },
              // Tile servers without CORS give opaque responses (status 0); they are cached too.
              cacheableResponse: { statuses: [0, 200] },
            },
          },
        ],
      },
    }),
    precompress(),
  ],
  // zod without eval in the browser (src/app/zodWithoutEval.ts); the server keeps zod's fast parsers.
  resolve: {
    alias: [
      { find: /^zod$/, replacement: fileURLToPath(new URL('./src/app/zodWithoutEval.ts', import.meta.url)) },
    ],
  },
  // The version the app shows and reports: APP_VERSION when a deployment names its build, else package.json's.
  define: { __APP_VERSION__: JSON.stringify(process.env.APP_VERSION?.trim() || packageVersion) },
  build: { target: 'es2022', sourcemap: false },
  // `npm run dev`: the app with hot reload on :5173, the API from the server on :8080.
  server: { proxy: { '/api': 'http://localhost:8080' } },
  test: {
    // Two files at a time, whatever the project: a browser or integration file spends most of its time
    // waiting (for Chromium, a server, a sync), so two share two cores well. Each file starts its own
    // server on a free port, PGlite folder and browser profile, and each integration file its own
    // PostgreSQL schema, so files never share state.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Vitest's 5 s is too little for a property test on a 2-core machine busy with the browser
          // tests (150 runs took 8 s once); a unit test that hangs still fails.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // The server's tests on PGlite, beside the browser files: every file opens its own PGlite
          // folders, so files never share state. Their PostgreSQL half runs after (below); here the
          // URL is hidden, so what needs PostgreSQL is skipped.
          env: { TEST_DATABASE_URL: '' },
          // One process runs file after file without importing the server again for each (about 20 s a
          // run). The server keeps nothing at module level across requests but its scrypt queue and the
          // verifications in flight, both empty between files; every file opens its own databases.
          isolate: false,
          // One migrated PGlite folder per run, copied by every test that needs a fresh database.
          globalSetup: ['tests/support/pgliteTemplate.ts'],
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'integration-postgres',
                env: { TEST_DATABASE_KINDS: 'postgres' },
                // The files with tests on PostgreSQL, one at a time: they share one server, where an
                // open transaction anywhere holds back every pull (src/server/storage/pullHorizon.ts),
                // so two files at once could each see the other's work as pulls held back.
                include: filesTestingPostgres(),
                fileParallelism: false,
                isolate: false,
                // After the others (Vitest needs a group of its own for a project with another worker
                // count once workers are reused). Both halves one file at a time took 344 s on a quiet
                // 2-core machine, the PGlite half the slower (migrations 2–4 s a test, PostgreSQL 0.5 s);
                // with this split and the faster axe checks, the whole Vitest run took 880 s against 1,122.
                sequence: { groupOrder: 1 },
                globalSetup: ['tests/support/pgliteTemplate.ts'],
                environment: 'node',
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'browser',
          // One worker process runs file after file without importing Playwright, axe and the harness
          // again for each (about 50 s of imports in a run). Each file starts its own server, browser
          // profile and temp folders, and removes them after; the harness's list of temp folders, the
          // one thing kept at module level, is emptied then too.
          isolate: false,
          globalSetup: ['tests/support/pgliteTemplate.ts'],
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
