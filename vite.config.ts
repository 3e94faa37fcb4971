// Build of the PWA (React + vite-plugin-pwa/Workbox) and the test projects Vitest runs:
// unit (pure and app logic), integration (server on PGlite and PostgreSQL) and browser (real Chromium).
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Registered by our own code through workbox-window (src/app/serviceWorker.ts).
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Resilience Hub',
        short_name: 'Resilience Hub',
        description: 'Who is best placed to help in an emergency, with or without a network.',
        theme_color: '#0b4f6c',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      },
      workbox: {
        // Without these the first visit's page is never controlled, and offline reloads fail.
        clientsClaim: true,
        skipWaiting: true,
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
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
  ],
  build: { target: 'es2022', sourcemap: false },
  // `npm run dev`: the app with hot reload on :5173, the API from the server on :8080.
  server: { proxy: { '/api': 'http://localhost:8080' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: two cores, and each test starts its own server.
          fileParallelism: false,
        },
      },
    ],
  },
});
