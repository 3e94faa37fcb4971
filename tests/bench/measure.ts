// Timing helpers for the benchmark: run a function many times after a warm-up and report percentiles.
import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)] ?? NaN;
}

/** Times `run(i)` for `runs` iterations after `warmup` untimed ones; returns milliseconds per run. */
export function timeRuns(runs: number, warmup: number, run: (iteration: number) => unknown): number[] {
  for (let i = 0; i < warmup; i += 1) run(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));

const RESULTS_FILE = new URL('../../bench-results.json', import.meta.url);

/** Writes results into bench-results.json, keeping the ones of benchmarks not run this time. */
export function saveResults(results: readonly BenchResult[]): void {
  const earlier: BenchResult[] = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResult[])
    : [];
  const fresh = new Set(results.map((result) => result.name));
  const merged = [...earlier.filter((result) => !fresh.has(result.name)), ...results];
  writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
}

export function printResults(results: readonly BenchResult[]): void {
  const width = Math.max(...results.map((result) => result.name.length));
  console.log(`\n${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  unit`);
  for (const result of results)
    console.log(`${result.name.padEnd(width)}  ${String(result.value).padStart(10)}  ${result.unit}`);
}
