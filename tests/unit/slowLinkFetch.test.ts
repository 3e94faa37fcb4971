// One bar of signal: an answer that keeps coming, however slowly, is waited for; one that goes quiet is
// given up. A real HTTP server on loopback sends its body in parts with pauses between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slowLinkFetch } from '../../src/app/slowLinkFetch.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough that a loaded test machine does not go quiet by itself; short enough to test. */
const LIMITS = { silenceMs: 1_500, uploadBytesPerSecond: 1_000_000 };

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    void (async () => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      if (request.url === '/trickle') {
        // Eight parts, 500 ms apart: 3.5 s in all, more than twice the silence allowed.
        const parts = ['[', '"a",', '"b",', '"c",', '"d",', '"e",', '"f",', '"g"]'];
        for (const [index, part] of parts.entries()) {
          if (index > 0) await pause(500);
          response.write(part);
        }
        response.end();
      } else if (request.url === '/stalls') {
        response.write('[1,');
        await pause(5_000);
        response.end('2]');
      }
      // '/silent': the head is sent, then nothing, ever.
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('slowLinkFetch', () => {
  it('waits for an answer that keeps coming, however long it takes in all', async () => {
    const answer = await slowLinkFetch(`${base}/trickle`, {}, LIMITS);
    expect(JSON.parse(await answer.text())).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('gives up on an answer that goes quiet part way through', async () => {
    const answer = await slowLinkFetch(`${base}/stalls`, {}, LIMITS);
    await expect(answer.text()).rejects.toThrow();
  });

  it('gives up when nothing at all comes back', async () => {
    const silent = createServer(() => undefined); // takes the request, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      await expect(slowLinkFetch(`http://127.0.0.1:${port}/`, {}, LIMITS)).rejects.toThrow();
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('allows for the time a big request takes to send before anything can come back', async () => {
    const slowUplink = { silenceMs: 300, uploadBytesPerSecond: 1_000 };
    const late = createServer((request, response) => {
      request.resume();
      // Answers after 1 s: more than the silence allowed, less than 2 kB takes at 1 kB a second.
      setTimeout(() => response.end('"ok"'), 1_000);
    });
    await new Promise<void>((resolve) => late.listen(0, '127.0.0.1', resolve));
    try {
      const port = (late.address() as AddressInfo).port;
      const answer = await slowLinkFetch(
        `http://127.0.0.1:${port}/`,
        { method: 'POST', body: 'x'.repeat(2_000) },
        slowUplink,
      );
      expect(await answer.text()).toBe('"ok"');
    } finally {
      late.closeAllConnections();
      await new Promise((resolve) => late.close(resolve));
    }
  });
});
