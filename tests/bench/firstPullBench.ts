// sync.firstPull.borough: seconds for a first full pull of a big borough — 5,000 partners and contacts
// and 20,000 requests — into IndexedDB in Chromium, from pressing "Sign in" to "Last synced".
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/server/storage/open.ts';
import { saveLoadedRecords } from '../../src/server/directory/records.ts';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { launchBrowser, makeTempDir, removeTempDirs, startServer } from '../browser/harness.ts';
import { aRequest } from '../support/records.ts';
import { round, type BenchResult } from './measure.ts';

async function prepareBorough(dataDir: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  const area = generateDemoArea();
  const { partners, contacts } = generateDemoDirectory(area, { partners: 4_000, contacts: 1_000 });
  const requests = Array.from({ length: 20_000 }, (_, i) =>
    aRequest({
      place: {
        wardCode: area.wards[i % area.wards.length]!.code,
        parishCode: null,
        lat: null,
        lon: null,
        address: '',
      },
    }),
  );
  await db.transaction(async (tx) => {
    await saveLoadedRecords(tx, 'ward', area.wards);
    await saveLoadedRecords(tx, 'parish', area.parishes);
    await saveLoadedRecords(tx, 'partner', partners);
    await saveLoadedRecords(tx, 'contact', contacts);
    await saveLoadedRecords(tx, 'request', requests);
  });
  await seedDemo(db); // the demo users only: the area is already there
  await db.close();
}

export async function benchFirstPull(): Promise<BenchResult[]> {
  const dataDir = await makeTempDir('bench-first-pull');
  await prepareBorough(dataDir);
  const server = await startServer({ dataDir });
  const samples: number[] = [];
  try {
    for (let run = 0; run < 3; run += 1) {
      const context = await launchBrowser(await makeTempDir(`bench-profile-${run}`));
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url);
      await page.getByLabel('Username').fill('duty');
      await page.getByLabel('Password').fill('demo-duty-2026');
      const start = performance.now();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(/Last synced/).waitFor({ timeout: 120_000 });
      samples.push((performance.now() - start) / 1000);
      await context.close();
    }
  } finally {
    await server.stop();
    await removeTempDirs();
  }
  samples.sort((a, b) => a - b);
  return [{ name: 'sync.firstPull.borough', value: round(samples[1]!, 2), unit: 's' }];
}
