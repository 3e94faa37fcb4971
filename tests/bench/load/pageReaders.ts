// The load generator reads pull pages on worker threads, one per core: unpacking, parsing and
// digesting a page is its heaviest work, and on its one event loop every device's pages queued behind
// each other. With 200 devices joining, first pages measured 2.1 s (p50) where the server said it
// worked 69 ms on them: the generator was measuring itself. A real phone reads its own pages, so a
// page's time counts the reader's own work on it (`readMs`), not its wait for a free reader: with 200
// phones joining, their first pages of 2,000 records queued on the two readers, and every other
// phone's pull waited behind them (pull p95 3.2 s where the server said it worked 111 ms).
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

export interface PageJob {
  id: number;
  body: Uint8Array;
  gzipped: boolean;
  /** The ids whose clocks the device keeps, or 'all'. */
  clocksFor: 'all' | readonly string[];
}

export type ReadChange =
  | { key: string; deleted: true }
  | { key: string; deleted: false; digest: string; clocks?: Record<string, string> };

export type PageResult =
  | { id: number; cursor: string; hasMore: boolean; changes: ReadChange[]; readMs: number }
  | { id: number; error: string };

export type ReadPage = Extract<PageResult, { cursor: string }>;

const WORKER = new URL('./pageReaderWorker.ts', import.meta.url).href;

class PageReaders {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(page: ReadPage): void; reject(error: Error): void }>();
  private nextId = 0;

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => {
      // The worker is TypeScript, as the generator is: it starts by registering tsx's loader.
      const worker = new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`,
        { eval: true },
      );
      worker.on('message', (result: PageResult) => {
        const job = this.waiting.get(result.id);
        this.waiting.delete(result.id);
        if ('error' in result) job?.reject(new Error(result.error));
        else job?.resolve(result);
      });
      // The generator may end while they idle. After the listener: adding a 'message' listener refs
      // the worker's port again, which kept the generator running after its last line.
      worker.unref();
      return worker;
    });
  }

  read(body: Buffer, gzipped: boolean, clocksFor: PageJob['clocksFor']): Promise<ReadPage> {
    const id = (this.nextId += 1);
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, body, gzipped, clocksFor } satisfies PageJob);
    });
  }
}

let readers: PageReaders | undefined;

/** The generator's page readers, started on first use. */
export function pageReaders(): PageReaders {
  return (readers ??= new PageReaders(Math.max(1, availableParallelism())));
}
