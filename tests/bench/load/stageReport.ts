// How the load generator prints and records a stage or a rate step: a line per route, the CPU shares,
// and the figures saved into bench-results.json.
import { availableParallelism } from 'node:os';
import type { BenchResult } from '../measure.ts';
import type { CpuShares, Route, RouteStats } from './routeStats.ts';

export function routeLine(stats: RouteStats, route: Route): string {
  const s = stats.summary(route);
  return `${route.padEnd(10)} n=${String(s.count).padStart(6)}  p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  (in the server: p50 ${s.serverP50} ms  p95 ${s.serverP95} ms)  503s ${s.busy}  errors ${s.errors} ${JSON.stringify(s.errorStatuses)}`;
}

export const cpuLine = (cpu: CpuShares) =>
  `CPU generator ${cpu.generator} / server ${cpu.server} / PostgreSQL ${cpu.postgres} / machine ${cpu.machine} (cores: ${availableParallelism()}); generator's event loop late by up to ${cpu.generatorLag} ms (p99)`;

/** The figures of one stage or step, under `prefix` (load.<devices> or load.rate<offered>). */
export function stageResults(prefix: string, stats: RouteStats, cpu: CpuShares): BenchResult[] {
  const results: BenchResult[] = [];
  for (const route of ['pull.first', 'pull', 'push'] as const) {
    const s = stats.summary(route);
    if (s.count === 0) continue;
    const name = route === 'pull.first' ? 'firstPull' : route;
    results.push(
      { name: `${prefix}.${name}.p50`, value: s.p50, unit: 'ms' },
      { name: `${prefix}.${name}.p95`, value: s.p95, unit: 'ms' },
      { name: `${prefix}.${name}.p99`, value: s.p99, unit: 'ms' },
      { name: `${prefix}.${name}.server.p50`, value: s.serverP50, unit: 'ms' },
      { name: `${prefix}.${name}.server.p95`, value: s.serverP95, unit: 'ms' },
      { name: `${prefix}.${name}.busy503`, value: s.busy, unit: 'count' },
      { name: `${prefix}.${name}.errors`, value: s.errors, unit: 'count' },
    );
  }
  results.push(
    { name: `${prefix}.cpu.generator`, value: cpu.generator, unit: 'cores' },
    { name: `${prefix}.cpu.server`, value: cpu.server, unit: 'cores' },
    { name: `${prefix}.cpu.postgres`, value: cpu.postgres, unit: 'cores' },
    { name: `${prefix}.cpu.machine`, value: cpu.machine, unit: 'cores' },
    { name: `${prefix}.generatorLag.p99`, value: cpu.generatorLag, unit: 'ms' },
  );
  return results;
}

/** The worse of the pull and push p95. */
export const worstP95 = (stats: RouteStats) => Math.max(stats.summary('pull').p95, stats.summary('push').p95);
