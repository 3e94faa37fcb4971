// The first screen's JavaScript budget, read from the built app in dist/: the entry script, every
// modulepreload and everything they import statically must stay within 170 KB gzip, and none of it may
// be Leaflet (the map loads lazily, on its own screen). Run `vite build` before this test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const BUDGET_BYTES = 170 * 1024;

/** `import x from "./a.js"`, `import { y } from './a.js'`, `export * from "./a.js"`, `import "./a.js"` — not `import(`. */
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
}

/** A URL path from index.html ("/assets/x.js") as a path under dist/. */
function distPath(urlPath: string): string {
  return posix.normalize(urlPath.replace(/^\//, ''));
}

interface FirstScreen {
  files: Map<string, string>;
  entry: string;
}

function readFirstScreen(): FirstScreen {
  const indexPath = join(DIST, 'index.html');
  if (!existsSync(indexPath))
    throw new Error(`${indexPath} does not exist: run vite build first (npx vite build).`);
  const html = readFileSync(indexPath, 'utf8');

  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
  const entryTag = scripts.find((tag) => attribute(tag, 'type') === 'module' && attribute(tag, 'src'));
  const entrySrc = entryTag && attribute(entryTag, 'src');
  if (!entrySrc)
    throw new Error('dist/index.html has no <script type="module" src="…">: is it a vite build?');
  const entry = distPath(entrySrc);

  const preloads = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((match) => match[0])
    .filter((tag) => attribute(tag, 'rel')?.toLowerCase() === 'modulepreload')
    .flatMap((tag) => attribute(tag, 'href') ?? [])
    .map(distPath);

  const files = new Map<string, string>();
  const pending = [entry, ...preloads];
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === undefined || files.has(file)) continue;
    const absolute = join(DIST, file);
    if (!existsSync(absolute)) throw new Error(`the first screen loads ${file}, which is not in dist/`);
    const code = readFileSync(absolute, 'utf8');
    files.set(file, code);
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const specifier = match[1];
      if (
        !specifier ||
        !(specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/'))
      )
        continue;
      pending.push(
        specifier.startsWith('/')
          ? distPath(specifier)
          : posix.normalize(posix.join(dirname(file), specifier)),
      );
    }
  }
  return { files, entry };
}

const gzipSize = (code: string) => gzipSync(code).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('first screen budget (dist/)', () => {
  const firstScreen = existsSync(join(DIST, 'index.html')) ? readFirstScreen() : undefined;
  const sizes = firstScreen
    ? [...firstScreen.files].map(([file, code]) => ({ file, gzip: gzipSize(code) }))
    : [];
  const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);

  it(`loads at most 170 KB gzip of JavaScript before the first screen (now ${kb(total)})`, () => {
    const { files, entry } = firstScreen ?? readFirstScreen();
    expect(files.has(entry)).toBe(true);
    console.log(
      `First screen JavaScript: ${kb(total)} gzip in ${sizes.length} files\n` +
        sizes.map((size) => `  ${size.file}: ${kb(size.gzip)}`).join('\n'),
    );
    expect(total, `first screen is ${kb(total)} gzip; the budget is ${kb(BUDGET_BYTES)}`).toBeLessThanOrEqual(
      BUDGET_BYTES,
    );
  });

  it('keeps Leaflet out of the first screen (the map loads lazily)', () => {
    const { files } = firstScreen ?? readFirstScreen();
    const withLeaflet = [...files]
      // File names of lazy chunks ("assets/leaflet-….js" in Vite's preload map) are not Leaflet's code.
      .filter(([, code]) => /leaflet/i.test(code.replace(/["'][^"'\s]*\.(?:js|css)["']/g, '""')))
      .map(([file]) => file);
    expect(withLeaflet, 'first-screen files that contain Leaflet').toEqual([]);
  });

  it('has Leaflet in a lazy chunk, so the check above is not vacuous', () => {
    const { files } = firstScreen ?? readFirstScreen();
    const assets = join(DIST, 'assets');
    // Leaflet's own code names its "leaflet-container" and "leaflet-tile" classes.
    const lazyLeaflet = readdirSync(assets)
      .filter((name) => name.endsWith('.js') && !files.has(`assets/${name}`))
      .filter((name) => {
        const code = readFileSync(join(assets, name), 'utf8');
        return code.includes('leaflet-container') && code.includes('leaflet-tile');
      });
    expect(lazyLeaflet.length, 'lazy chunks in dist/assets holding Leaflet').toBeGreaterThan(0);
  });
});

describe('the dashboard loads only when opened (dist/)', () => {
  // uPlot names its legend "u-legend"; the dashboard's own words name its screen.
  const isDashboard = (code: string) =>
    code.includes('u-legend') || code.includes('Immediate requests with no partner');

  it('keeps the dashboard and its chart library out of the first screen', () => {
    const { files } = readFirstScreen();
    expect([...files].filter(([, code]) => isDashboard(code)).map(([file]) => file)).toEqual([]);
  });

  it('has the dashboard and uPlot in a lazy chunk, so the check above is not vacuous', () => {
    const { files } = readFirstScreen();
    const assets = join(DIST, 'assets');
    const lazy = readdirSync(assets)
      .filter((name) => name.endsWith('.js') && !files.has(`assets/${name}`))
      .filter((name) => {
        const code = readFileSync(join(assets, name), 'utf8');
        return code.includes('u-legend') && code.includes('Immediate requests with no partner');
      });
    expect(lazy.length, 'lazy chunks holding the dashboard and uPlot').toBeGreaterThan(0);
  });
});
