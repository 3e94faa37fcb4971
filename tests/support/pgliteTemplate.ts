// A migrated PGlite folder made once per test run, copied for every test that needs a fresh database.
// A fresh PGlite runs initdb in WebAssembly (8–18 s on a busy 2-core machine); copying a folder that
// already holds the migrated database and opening it takes 1–3 s, and the browser and integration
// tests open dozens of databases. Tests without the template (run outside Vitest's global setup) fall
// back to a fresh database, so nothing depends on it but speed.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/storage/open.ts';

const TEMPLATE_ENV = 'RESILIENCE_HUB_PGLITE_TEMPLATE';

/** Vitest global setup: makes the template and tells every test worker where it is. */
export default async function makePgliteTemplate(): Promise<() => Promise<void>> {
  // Each project that lists this setup calls it; the first one makes the template for all.
  if (process.env[TEMPLATE_ENV]) return () => Promise.resolve();
  const root = await mkdtemp(join(tmpdir(), 'resilience-hub-template-'));
  const dataDir = join(root, 'data');
  const db = await openDatabase({ dataDir });
  await db.close();
  process.env[TEMPLATE_ENV] = dataDir;
  return async () => {
    delete process.env[TEMPLATE_ENV];
    await rm(root, { recursive: true, force: true });
  };
}

/**
 * Fills `dataDir` (missing or empty) with a copy of the migrated template. Returns false, leaving the
 * folder alone, when there is no template or the folder already holds something.
 */
export async function copyPgliteTemplate(dataDir: string): Promise<boolean> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return false;
  const existing = await readdir(dataDir).catch(() => [] as string[]);
  if (existing.length > 0) return false;
  await cp(template, dataDir, { recursive: true });
  return true;
}
