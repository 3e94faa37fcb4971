// A worker thread of the load generator's page readers (pageReaders.ts): unpacks a pull page, parses
// it and digests each record, and hands back only what a simulated device keeps.
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import type { PullResponse } from '../../../src/domain/sync/sync.ts';
import type { PageJob, PageResult, ReadChange } from './pageReaders.ts';
import { recordDigest } from './convergence.ts';
import { stampsAsPulled } from '../../../src/domain/sync/pulledStamps.ts';

function read(job: PageJob): PageResult {
  const start = performance.now();
  const text = (job.gzipped ? gunzipSync(job.body) : Buffer.from(job.body)).toString('utf8');
  // As the server sent it; the end check compares digests, so it is not checked here.
  const page = JSON.parse(text) as PullResponse;
  const clocksOf = job.clocksFor === 'all' ? null : new Set(job.clocksFor);
  const changes = page.changes.map((change): ReadChange => {
    const key = `${change.entity}:${change.id}`;
    if (change.deleted) return { key, deleted: true };
    return {
      key,
      deleted: false,
      digest: recordDigest(change.record),
      ...(clocksOf === null || clocksOf.has(change.id)
        ? { clocks: stampsAsPulled(change.record, change.clocks ?? {}) }
        : {}),
    };
  });
  return {
    id: job.id,
    cursor: page.cursor,
    hasMore: page.hasMore,
    changes,
    readMs: performance.now() - start,
  };
}

parentPort?.on('message', (job: PageJob) => {
  try {
    parentPort?.postMessage(read(job));
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: String(error) } satisfies PageResult);
  }
});
