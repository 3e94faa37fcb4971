// `npm run bench`: runs every benchmark, prints a table and writes bench-results.json at the repo root
// as a list of { name, value, unit } (results of groups not run this time are kept). Numbers in issue notes come from here, never from test timings.
// `npm run bench -- sync map` runs only the named groups; `npm run bench -- sync.push` only push throughput,
// `npm run bench -- sync.pull10` only the pulls at each size of change log.
import { benchBestPlaced, benchSearch } from './directoryBench.ts';
import { benchPullTenSizes, benchPush, benchSyncServer } from './syncBench.ts';
import { postgresUrl } from './benchDatabase.ts';
import { benchFirstPull } from './firstPullBench.ts';
import { benchMapFirstRender } from './mapBench.ts';
import { benchOpenReferral } from './openReferralBench.ts';
import { benchLighthouse } from './lighthouseBench.ts';
import { benchPeer } from './peerBench.ts';
import { printResults, saveResults, type BenchResult } from './measure.ts';

const GROUPS: Record<string, () => Promise<BenchResult[]> | BenchResult[]> = {
  directory: () => [...benchBestPlaced(), ...benchSearch()],
  sync: benchSyncServer,
  firstPull: benchFirstPull,
  map: () => benchMapFirstRender(),
  openReferral: () => benchOpenReferral(),
  pwa: benchLighthouse,
  peer: benchPeer,
};
/** Parts of a group, run only when named. */
const PARTS: Record<string, () => Promise<BenchResult[]>> = {
  'sync.push': async () => [
    ...(await benchPush('pglite')),
    ...(postgresUrl ? await benchPush('postgres') : []),
  ],
  'sync.pull10': benchPullTenSizes,
};

const named = process.argv.slice(2);
const wanted = named.filter((arg) => arg in GROUPS || arg in PARTS);
const results: BenchResult[] = [];
const everyGroup = wanted.length === 0 ? Object.entries(GROUPS) : Object.entries({ ...GROUPS, ...PARTS });
for (const [group, run] of everyGroup) {
  if (wanted.length > 0 && !wanted.includes(group)) continue;
  console.log(`running ${group}…`);
  results.push(...(await run()));
}

printResults(results);
saveResults(results);
console.log('\nWrote bench-results.json');
