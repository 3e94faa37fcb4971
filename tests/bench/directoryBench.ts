// Benchmarks of the directory in Node over generated realistic data: best placed at 1k, 10k and 100k
// partners, and search over 10k partners.
import { performance } from 'node:perf_hooks';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import { SeededRandom } from '../../src/server/demo/random.ts';
import { bestPlaced, type Urgency } from '../../src/domain/ranking/bestPlaced.ts';
import { buildBestPlacedIndex } from '../../src/domain/ranking/bestPlacedIndex.ts';
import { buildPartnerSearch } from '../../src/domain/ranking/partnerSearch.ts';
import { CAPABILITIES } from '../../src/domain/entities/capabilities.ts';
import { percentile, round, timeRuns, type BenchResult } from './measure.ts';

const TODAY = '2026-11-23';
const URGENCIES: Urgency[] = ['immediate', 'today', 'this_week'];

export function benchBestPlaced(sizes: number[] = [1_000, 10_000, 100_000]): BenchResult[] {
  const area = generateDemoArea();
  const results: BenchResult[] = [];
  for (const size of sizes) {
    const { partners } = generateDemoDirectory(area, { partners: size, contacts: 0, today: TODAY });
    const buildStart = performance.now();
    const index = buildBestPlacedIndex(partners, area.wards, area.parishes);
    const buildMs = performance.now() - buildStart;
    const random = new SeededRandom(size);
    const queries = Array.from({ length: 300 }, () => ({
      needs: random.sample(
        CAPABILITIES.map((capability) => capability.id),
        random.int(1, 2),
      ),
      place: { kind: 'ward' as const, code: random.pick(area.wards).code },
      at: new Date(Date.parse(`${TODAY}T00:00:00Z`) + random.int(0, 7 * 24 * 60) * 60_000),
      urgency: random.pick(URGENCIES),
      includeNonStrategic: random.chance(0.5),
    }));
    const samples = timeRuns(queries.length, 30, (i) => bestPlaced(index, queries[i % queries.length]!));
    const label = size >= 1000 ? `${size / 1000}k` : String(size);
    results.push({ name: `bestPlaced.${label}.p95`, value: round(percentile(samples, 95)), unit: 'ms' });
    results.push({ name: `bestPlaced.${label}.indexBuild`, value: round(buildMs, 1), unit: 'ms' });
  }
  return results;
}

export function benchSearch(size = 10_000): BenchResult[] {
  const area = generateDemoArea();
  const { partners } = generateDemoDirectory(area, { partners: size, contacts: 0, today: TODAY });
  const wardNames = new Map(area.wards.map((ward) => [ward.code, ward.name]));
  const buildStart = performance.now();
  const search = buildPartnerSearch(partners, wardNames);
  const buildMs = performance.now() - buildStart;
  const random = new SeededRandom(7);
  // What people type: a name word (sometimes with a typo), a capability, a ward, a postcode.
  const typo = (word: string) => (word.length > 4 ? word.slice(0, 2) + word.slice(3) : word);
  const queries = Array.from({ length: 300 }, () => {
    const partner = random.pick(partners);
    const word = random.pick(partner.name.split(' ').filter((part) => part.length > 3)) ?? partner.name;
    switch (random.int(0, 3)) {
      case 0:
        return word;
      case 1:
        return typo(word);
      case 2:
        return `${random.pick(CAPABILITIES).label.split(' ')[0]} ${random.pick(area.wards).name}`;
      default:
        return partner.base.postcode ?? word;
    }
  });
  const samples = timeRuns(queries.length, 30, (i) => search.search(queries[i % queries.length]!));
  return [
    { name: `search.${size / 1000}k.p95`, value: round(percentile(samples, 95)), unit: 'ms' },
    { name: `search.${size / 1000}k.indexBuild`, value: round(buildMs, 1), unit: 'ms' },
  ];
}
