// `npm run bench`: runs every benchmark, prints a table and writes bench-results.json at the repo root
// as a list of { name, value, unit }. Numbers in issue notes come from here, never from test timings.
// `npm run bench -- sync map` runs only the named groups.
import { writeFileSync } from 'node:fs';
import { benchBestPlaced, benchSearch } from './directoryBench.ts';
import { benchSyncServer } from './syncBench.ts';
import { benchFirstPull } from './firstPullBench.ts';
import { benchMapFirstRender } from './mapBench.ts';
import { benchLighthouse } from './lighthouseBench.ts';
import { benchOpenReferral } from './openReferralBench.ts';
import type { BenchResult } from './measure.ts';

const GROUPS: Record<string, () => Promise<BenchResult[]> | BenchResult[]> = {
  directory: () => [...benchBestPlaced(), ...benchSearch()],
  sync: benchSyncServer,
  firstPull: benchFirstPull,
  map: () => benchMapFirstRender(),
  pwa: benchLighthouse,
  openReferral: () => benchOpenReferral(),
};

const wanted = process.argv.slice(2).filter((arg) => arg in GROUPS);
const results: BenchResult[] = [];
for (const [group, run] of Object.entries(GROUPS)) {
  if (wanted.length > 0 && !wanted.includes(group)) continue;
  console.log(`running ${group}…`);
  results.push(...(await run()));
}

const width = Math.max(...results.map((result) => result.name.length));
console.log(`\n${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  unit`);
for (const result of results)
  console.log(`${result.name.padEnd(width)}  ${String(result.value).padStart(10)}  ${result.unit}`);
writeFileSync(new URL('../../bench-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench-results.json');
