// Fetching an ORUK feed from a URL for an admin's import: http(s) only, to public addresses only (see
// feedAddress.ts: every address and every redirect is checked, and the connection pinned to the
// addresses checked), a time limit for the whole fetch, a size limit counted as the bytes arrive (not
// trusted from Content-Length, and counted after decompression) and a page limit when following a
// /services feed page by page. Every failure is an HttpError a person can act on.
// node:http rather than fetch: it takes a `lookup`, which pins the connection to the checked address.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpError } from '../http/errors.ts';
import type { FetchFeedResponse } from '../../domain/openReferral/orukApi.ts';
import { checkFeedAddress, PUBLIC_ONLY, type FeedAccess, type ResolvedAddress } from './feedAddress.ts';

export interface FeedLimits {
  maxBytes: number;
  timeoutMs: number;
  maxPages: number;
}

export const FEED_LIMITS: FeedLimits = { maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxPages: 50 };

/** Redirects followed for one page: enough for http→https and a moved feed, not a loop. */
const MAX_REDIRECTS = 5;

/** A lookup that answers only the addresses already checked: the connection cannot go elsewhere. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const fitting = addresses.filter((one) => !options.family || one.family === options.family);
    if (fitting.length === 0) {
      const error: NodeJS.ErrnoException = new Error(`no IPv${options.family} address for ${hostname}`);
      error.code = 'ENOTFOUND';
      return callback(error, '', 0);
    }
    if (options.all) return callback(null, fitting);
    return callback(null, fitting[0]!.address, fitting[0]!.family);
  };
}

function get(url: URL, addresses: readonly ResolvedAddress[], signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    request(url, {
      signal,
      agent: false,
      lookup: pinnedLookup(addresses),
      headers: { accept: 'application/json', 'accept-encoding': 'gzip, br' },
    })
      .on('response', resolve)
      .on('error', reject)
      .end();
  });
}

const tooLarge = (limits: FeedLimits) =>
  new HttpError(
    422,
    'feed_too_large',
    `The feed is larger than ${limits.maxBytes / 1024 / 1024} MB; import it from a file in parts.`,
  );

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'br'
        ? createBrotliDecompress()
        : encoding === 'deflate'
          ? createInflate()
          : null;
  if (!decoder) {
    if (encoding === 'identity' || encoding === '') return response;
    response.destroy();
    throw new HttpError(
      502,
      'feed_unreachable',
      `The feed answered in an encoding we cannot read (${encoding}).`,
    );
  }
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

async function readBounded(response: IncomingMessage, budget: { bytes: number }, limits: FeedLimits) {
  const declared = Number(response.headers['content-length'] ?? '0');
  if (declared > limits.maxBytes - budget.bytes) {
    response.destroy();
    throw tooLarge(limits);
  }
  const chunks: Buffer[] = [];
  const body = decoded(response);
  try {
    for await (const chunk of body) {
      const bytes = chunk as Buffer;
      budget.bytes += bytes.byteLength;
      if (budget.bytes > limits.maxBytes) throw tooLarge(limits);
      chunks.push(bytes);
    }
  } finally {
    response.destroy();
    body.destroy();
  }
  // A byte order mark (as .NET and Windows tools write UTF-8) is no part of the JSON: JSON.parse refused
  // such a feed as "not JSON". A browser's own UTF-8 decoding drops it; Buffer's does not.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

const timedOut = (limits: FeedLimits, what: string) =>
  new HttpError(504, 'feed_timeout', `The feed did not ${what} within ${limits.timeoutMs / 1000} s.`);

/** Rejects when the whole fetch's time is up, for the waits a request's signal does not cover (DNS). */
function beforeTimeout<T>(signal: AbortSignal, work: Promise<T>, limits: FeedLimits): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(timedOut(limits, 'answer'));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** GET `start`, following redirects, each one checked like the address typed. */
async function getChecked(start: URL, signal: AbortSignal, access: FeedAccess, limits: FeedLimits) {
  let url = start;
  for (let hops = 0; ; hops += 1) {
    const hop = hops === 0 ? '' : `redirects to ${url.origin}${url.pathname}, which`;
    const addresses = await beforeTimeout(signal, checkFeedAddress(url, access, hop), limits);
    let response: IncomingMessage;
    try {
      response = await get(url, addresses, signal);
    } catch (error) {
      if (signal.aborted) throw timedOut(limits, 'answer');
      throw new HttpError(
        502,
        'feed_unreachable',
        `Could not reach ${url.host}: ${(error as Error).message}.`,
      );
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status < 300 || status >= 400 || !location) return { response, url };
    response.destroy();
    if (hops >= MAX_REDIRECTS)
      throw new HttpError(502, 'feed_unreachable', `The feed redirected more than ${MAX_REDIRECTS} times.`);
    try {
      url = new URL(location, url);
    } catch {
      throw new HttpError(
        502,
        'feed_unreachable',
        'The feed redirected to something that is not an address.',
      );
    }
  }
}

async function fetchJson(
  url: URL,
  signal: AbortSignal,
  budget: { bytes: number },
  limits: FeedLimits,
  access: FeedAccess,
) {
  const { response } = await getChecked(url, signal, access, limits);
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.destroy();
    throw new HttpError(502, 'feed_unreachable', `The feed answered ${status} for ${url.pathname}.`);
  }
  let text: string;
  try {
    text = await readBounded(response, budget, limits);
  } catch (error) {
    if (signal.aborted) throw timedOut(limits, 'finish');
    if (error instanceof HttpError) throw error;
    throw new HttpError(502, 'feed_unreachable', `The feed broke off: ${(error as Error).message}.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(
      422,
      'feed_not_json',
      'The address did not answer with JSON: is it the /services URL?',
    );
  }
}

/** A page of /services; a page that does not say its number is the one asked for. */
const pageOf = (json: unknown, asked = 1) => {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { contents?: unknown }).contents))
    return null;
  const page = json as { contents: unknown[]; page_number?: unknown; total_pages?: unknown };
  return {
    contents: page.contents,
    pageNumber: typeof page.page_number === 'number' ? page.page_number : asked,
    totalPages: typeof page.total_pages === 'number' ? page.total_pages : 1,
  };
};

/** The ids a page's services carry (a repeated page brings none that is new). */
const idsOf = (contents: readonly unknown[]) =>
  contents.flatMap((one) => {
    const id = typeof one === 'object' && one !== null ? (one as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? [id] : [];
  });

/** The services at `address`: one service, or every page of a /services list within the limits. */
export async function fetchFeed(
  address: string,
  limits: FeedLimits = FEED_LIMITS,
  access: FeedAccess = PUBLIC_ONLY,
): Promise<FetchFeedResponse> {
  const url = new URL(address);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HttpError(400, 'invalid', 'The feed address must start with http:// or https://.', {
      url: 'must be an http:// or https:// address',
    });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const budget = { bytes: 0 };
  let first = await fetchJson(url, signal, budget, limits, access);
  // The feed's base address answers its details (GET /): its services are at /services.
  if (typeof first === 'object' && first !== null && 'version' in first && !('contents' in first)) {
    url.pathname = `${url.pathname.replace(/\/$/, '')}/services`;
    url.searchParams.set('full', 'true');
    first = await fetchJson(url, signal, budget, limits, access);
  }
  const page = pageOf(first);
  if (!page)
    return { url: url.toString(), pages: 1, services: [first], truncated: false, repeatedPage: null };
  const services = [...page.contents];
  const seen = new Set(idsOf(page.contents));
  let pages = 1;
  let pageNumber = page.pageNumber;
  let repeatedPage: number | null = null;
  while (pageNumber < page.totalPages && pages < limits.maxPages) {
    const next = new URL(url);
    next.searchParams.set('page', String(pageNumber + 1));
    const more = pageOf(await fetchJson(next, signal, budget, limits, access), pageNumber + 1);
    if (!more || more.contents.length === 0 || more.pageNumber <= pageNumber) break;
    // A feed that answers every page with the same services (it ignores ?page= but echoes the number)
    // would be read to the page limit for nothing: stop at the first page that brings nothing new.
    const ids = idsOf(more.contents);
    if (ids.length > 0 && ids.every((id) => seen.has(id))) {
      repeatedPage = pageNumber + 1;
      break;
    }
    ids.forEach((id) => seen.add(id));
    services.push(...more.contents);
    pageNumber = more.pageNumber;
    pages += 1;
  }
  return { url: url.toString(), pages, services, truncated: pageNumber < page.totalPages, repeatedPage };
}
