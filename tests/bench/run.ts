// `npm run bench`: runs every benchmark, prints a table and writes bench-results.json at the repo root
// as a list of { name, value, unit }. Numbers in issue notes come from here, never from test timings.
import { writeFileSync } from 'node:fs';
import { benchBestPlaced, benchSearch } from './directoryBench.ts';
import type { BenchResult } from './measure.ts';

const results: BenchResult[] = [...benchBestPlaced(), ...benchSearch()];

const width = Math.max(...results.map((result) => result.name.length));
console.log(`${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  unit`);
for (const result of results)
  console.log(`${result.name.padEnd(width)}  ${String(result.value).padStart(10)}  ${result.unit}`);
writeFileSync(new URL('../../bench-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench-results.json');
