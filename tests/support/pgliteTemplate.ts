// A migrated PGlite folder made once per test run, copied for every test that needs a fresh database.
// A fresh PGlite runs initdb in WebAssembly (8–18 s on a busy 2-core machine); copying a folder that
// already holds the migrated database and opening it takes 1–3 s, and the browser and integration
// tests open dozens of databases. A second folder also holds the demo borough and people, for the
// servers the browser tests start (seeding them took each server 3–7 s of its start on a busy
// machine, the largest part of it). Tests without the templates (run outside Vitest's global setup)
// fall back to a fresh database, seeded by the server itself, so nothing depends on them but speed.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/storage/open.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';

const TEMPLATE_ENV = 'RESILIENCE_HUB_PGLITE_TEMPLATE';
const WITH_DEMO_ENV = 'RESILIENCE_HUB_PGLITE_TEMPLATE_WITH_DEMO';

/** Vitest global setup: makes the template and tells every test worker where it is. */
export default async function makePgliteTemplate(): Promise<() => Promise<void>> {
  // Each project that lists this setup calls it; the first one makes the template for all.
  if (process.env[TEMPLATE_ENV]) return () => Promise.resolve();
  const root = await mkdtemp(join(tmpdir(), 'resilience-hub-template-'));
  const dataDir = join(root, 'data');
  const db = await openDatabase({ dataDir });
  await db.close();
  const withDemoDir = join(root, 'with-demo');
  await cp(dataDir, withDemoDir, { recursive: true });
  const withDemo = await openDatabase({ dataDir: withDemoDir });
  await seedDemo(withDemo);
  await withDemo.close();
  process.env[TEMPLATE_ENV] = dataDir;
  process.env[WITH_DEMO_ENV] = withDemoDir;
  return async () => {
    delete process.env[TEMPLATE_ENV];
    delete process.env[WITH_DEMO_ENV];
    await rm(root, { recursive: true, force: true });
  };
}

/**
 * Fills `dataDir` (missing or empty) with a copy of the migrated template, `withDemo` the one also
 * holding the demo. Returns false, leaving the folder alone, when there is no template or the folder
 * already holds something.
 */
export async function copyPgliteTemplate(
  dataDir: string,
  { withDemo = false }: { withDemo?: boolean } = {},
): Promise<boolean> {
  const template = process.env[withDemo ? WITH_DEMO_ENV : TEMPLATE_ENV];
  if (!template) return false;
  const existing = await readdir(dataDir).catch(() => [] as string[]);
  if (existing.length > 0) return false;
  await cp(template, dataDir, { recursive: true });
  return true;
}
