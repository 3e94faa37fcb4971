// The load generator's HTTP client: node:http on kept-alive connections, gzip answers unpacked. fetch
// (undici) cost the generator about 2 ms of CPU a request, which on the shared 2 cores was CPU the
// server under test did not get: in the 400-sign-in burst the generator used half a core.
import { Agent, request } from 'node:http';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

const unzip = promisify(gunzip);
// As many connections as requests in flight, each kept for the next request, as a phone keeps its own.
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export interface LoopbackAnswer {
  status: number;
  json: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface LoopbackRawAnswer {
  status: number;
  /** The body as it came, gzipped when `gzipped`. */
  body: Buffer;
  gzipped: boolean;
  headers: Record<string, string | string[] | undefined>;
}

type RequestOptions = {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
};

/** One request, its answer's body as it came; throws on a connection failure or after `timeoutMs`. */
export function loopbackRaw(url: string, options: RequestOptions): Promise<LoopbackRawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        agent,
        method: options.method,
        headers: {
          'Accept-Encoding': 'gzip',
          ...options.headers,
          ...(options.body === undefined ? {} : { 'Content-Length': Buffer.byteLength(options.body) }),
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            body: Buffer.concat(chunks),
            gzipped: incoming.headers['content-encoding'] === 'gzip',
            headers: incoming.headers,
          }),
        );
      },
    );
    outgoing.setTimeout(options.timeoutMs ?? 60_000, () =>
      outgoing.destroy(new TimeoutError('no answer in time')),
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** One request, its answer parsed as JSON (unpacked on libuv's thread pool). */
export async function loopbackRequest(url: string, options: RequestOptions): Promise<LoopbackAnswer> {
  const answer = await loopbackRaw(url, options);
  const bytes = answer.gzipped ? await unzip(answer.body) : answer.body;
  const text = bytes.toString('utf8');
  return {
    status: answer.status,
    json: text === '' ? null : (JSON.parse(text) as unknown),
    headers: answer.headers,
  };
}
