// A migrated PGlite folder made once per test run, copied for every test that needs a fresh database.
// A fresh PGlite runs initdb in WebAssembly (8–18 s on a busy 2-core machine); copying a folder that
// already holds the migrated database and opening it takes 1–3 s, and the browser and integration
// tests open dozens of databases. A second folder also holds the demo borough and people, for the
// servers the browser tests start (seeding them took each server 3–7 s of its start on a busy
// machine, the largest part of it). A third holds no tables at all, for the tests of migrations, which
// start from nothing (each fresh one cost 3–4 s of initdb). Tests without the templates (run outside
// Vitest's global setup) fall back to a fresh database, seeded by the server itself, so nothing
// depends on them but speed.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/storage/open.ts';
import { openPglite } from '../../src/server/storage/pglite.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';

const TEMPLATE_ENV = 'RESILIENCE_HUB_PGLITE_TEMPLATE';
const WITH_DEMO_ENV = 'RESILIENCE_HUB_PGLITE_TEMPLATE_WITH_DEMO';
const BARE_ENV = 'RESILIENCE_HUB_PGLITE_TEMPLATE_BARE';

/** What a copied folder holds: no tables, the migrated schema, or that and the demo. */
export type TemplateContents = 'bare' | 'migrated' | 'withDemo';

const ENV_OF: Record<TemplateContents, string> = {
  bare: BARE_ENV,
  migrated: TEMPLATE_ENV,
  withDemo: WITH_DEMO_ENV,
};

/** Vitest global setup: makes the template and tells every test worker where it is. */
export default async function makePgliteTemplate(): Promise<() => Promise<void>> {
  // Each project that lists this setup calls it; the first one makes the template for all.
  if (process.env[TEMPLATE_ENV]) return () => Promise.resolve();
  const root = await mkdtemp(join(tmpdir(), 'resilience-hub-template-'));
  const bareDir = join(root, 'bare');
  await (await openPglite(bareDir)).close();
  const dataDir = join(root, 'data');
  await cp(bareDir, dataDir, { recursive: true });
  const db = await openDatabase({ dataDir });
  await db.close();
  const withDemoDir = join(root, 'with-demo');
  await cp(dataDir, withDemoDir, { recursive: true });
  const withDemo = await openDatabase({ dataDir: withDemoDir });
  await seedDemo(withDemo);
  await withDemo.close();
  process.env[TEMPLATE_ENV] = dataDir;
  process.env[WITH_DEMO_ENV] = withDemoDir;
  process.env[BARE_ENV] = bareDir;
  return async () => {
    for (const name of Object.values(ENV_OF)) delete process.env[name];
    await rm(root, { recursive: true, force: true });
  };
}

/**
 * Fills `dataDir` (missing or empty) with a copy of a template: the migrated one unless told otherwise.
 * Returns false, leaving the folder alone, when there is no template or the folder already holds
 * something.
 */
export async function copyPgliteTemplate(
  dataDir: string,
  { holding = 'migrated' }: { holding?: TemplateContents } = {},
): Promise<boolean> {
  const template = process.env[ENV_OF[holding]];
  if (!template) return false;
  const existing = await readdir(dataDir).catch(() => [] as string[]);
  if (existing.length > 0) return false;
  await cp(template, dataDir, { recursive: true });
  return true;
}
