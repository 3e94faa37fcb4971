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

/** One request; throws on a connection failure or after `timeoutMs` without an answer. */
export function loopbackRequest(
  url: string,
  options: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs?: number },
): Promise<LoopbackAnswer> {
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
        incoming.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = incoming.headers['content-encoding'] === 'gzip' ? unzip(raw) : Promise.resolve(raw);
          text
            .then((bytes) => {
              const body = bytes.toString('utf8');
              resolve({
                status: incoming.statusCode ?? 0,
                json: body === '' ? null : (JSON.parse(body) as unknown),
                headers: incoming.headers,
              });
            })
            .catch(reject);
        });
      },
    );
    outgoing.setTimeout(options.timeoutMs ?? 60_000, () =>
      outgoing.destroy(new TimeoutError('no answer in time')),
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
