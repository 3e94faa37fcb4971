// How the built app is sent: brotli or gzip copies made at build time (precompressDir) go to browsers
// that take them, with Vary: Accept-Encoding; hashed assets are cached for a year as immutable, the
// page and the service worker are always revalidated; every other path is the page (the app routes).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { precompressDir } from '../../src/server/cli/precompress.ts';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const PAGE = `<!doctype html><title>Resilience Hub</title>${'<p>padding the page past the size limit</p>'.repeat(60)}`;
const SCRIPT = `export const wards = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Ward ${i}`))};`;
const WORKER = `self.addEventListener('fetch', () => {});${' '.repeat(2000)}`;

describe('static files of the built app', () => {
  let test: TestDatabase;
  let dist = '';
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    dist = await mkdtemp(join(tmpdir(), 'resilience-hub-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), PAGE);
    await writeFile(join(dist, 'assets', 'wards-AbC123xy.js'), SCRIPT);
    await writeFile(join(dist, 'assets', 'tiny-AbC123xy.js'), 'export {};');
    await writeFile(join(dist, 'sw.js'), WORKER);
    await precompressDir(dist);
    app = createApp(test.db, { distDir: dist, sessionDays: 1 });
  });
  afterAll(async () => {
    await test.drop();
    await rm(dist, { recursive: true, force: true });
  });

  it('sends the brotli copy of a hashed asset to a browser that takes brotli, cached as immutable', async () => {
    const response = await app.request('/assets/wards-AbC123xy.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Encoding')).toBe('br');
    expect(response.headers.get('Vary')).toBe('Accept-Encoding');
    expect(response.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(SCRIPT.length);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that takes neither', async () => {
    const gzip = await app.request('/assets/wards-AbC123xy.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await app.request('/assets/wards-AbC123xy.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('leaves files too small to gain uncompressed', async () => {
    const response = await app.request('/assets/tiny-AbC123xy.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(await response.text()).toBe('export {};');
  });

  it('has the page and the service worker revalidated on every visit, so a new version is seen', async () => {
    for (const path of ['/', '/sw.js', '/requests/new']) {
      const response = await app.request(path, { headers: { 'Accept-Encoding': 'br' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).toBe('no-cache');
      expect(response.headers.get('Content-Encoding'), path).toBe('br');
      expect(response.headers.get('Content-Security-Policy'), path).toContain("script-src 'self'");
    }
    const deepLink = await app.request('/requests/new');
    expect(deepLink.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await deepLink.text()).toBe(PAGE);
  });

  it('answers a missing build file with 404, never with the page cached as immutable', async () => {
    const response = await app.request('/assets/gone-Zz999999.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('Cache-Control')).toBeNull();
  });

  it('still answers unknown API paths with JSON, not the page', async () => {
    const response = await app.request('/api/nothing-here');
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Cache-Control')).toBeNull();
  });
});
