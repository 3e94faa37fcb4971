// Fetching an ORUK feed from a URL for an admin's import: http(s) only, a time limit for the whole
// fetch, a size limit counted as the bytes arrive (not trusted from Content-Length), and a page limit
// when following a /services feed page by page. Every failure is an HttpError a person can act on.
import { HttpError } from '../http/errors.ts';
import type { FetchFeedResponse } from '../../domain/openReferral/orukApi.ts';

export interface FeedLimits {
  maxBytes: number;
  timeoutMs: number;
  maxPages: number;
}

export const FEED_LIMITS: FeedLimits = { maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxPages: 50 };

async function readBounded(response: Response, budget: { bytes: number }, limits: FeedLimits) {
  const declared = Number(response.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    new HttpError(
      422,
      'feed_too_large',
      `The feed is larger than ${limits.maxBytes / 1024 / 1024} MB; import it from a file in parts.`,
    );
  if (declared > limits.maxBytes - budget.bytes) throw tooLarge();
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.bytes += value.byteLength;
      if (budget.bytes > limits.maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function fetchJson(url: URL, signal: AbortSignal, budget: { bytes: number }, limits: FeedLimits) {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' }, redirect: 'follow' });
  } catch (error) {
    if (signal.aborted)
      throw new HttpError(
        504,
        'feed_timeout',
        `The feed did not answer within ${limits.timeoutMs / 1000} s.`,
      );
    throw new HttpError(502, 'feed_unreachable', `Could not reach ${url.host}: ${(error as Error).message}.`);
  }
  if (!/^https?:$/.test(new URL(response.url || url).protocol))
    throw new HttpError(502, 'feed_unreachable', 'The feed redirected to an address that is not http(s).');
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpError(502, 'feed_unreachable', `The feed answered ${response.status} for ${url.pathname}.`);
  }
  let text: string;
  try {
    text = await readBounded(response, budget, limits);
  } catch (error) {
    if (signal.aborted)
      throw new HttpError(
        504,
        'feed_timeout',
        `The feed did not finish within ${limits.timeoutMs / 1000} s.`,
      );
    throw error;
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

const pageOf = (json: unknown) => {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { contents?: unknown }).contents))
    return null;
  const page = json as { contents: unknown[]; page_number?: unknown; total_pages?: unknown };
  return {
    contents: page.contents,
    pageNumber: typeof page.page_number === 'number' ? page.page_number : 1,
    totalPages: typeof page.total_pages === 'number' ? page.total_pages : 1,
  };
};

/** The services at `address`: one service, or every page of a /services list within the limits. */
export async function fetchFeed(
  address: string,
  limits: FeedLimits = FEED_LIMITS,
): Promise<FetchFeedResponse> {
  const url = new URL(address);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HttpError(400, 'invalid', 'The feed address must start with http:// or https://.', {
      url: 'must be an http:// or https:// address',
    });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const budget = { bytes: 0 };
  let first = await fetchJson(url, signal, budget, limits);
  // The feed's base address answers its details (GET /): its services are at /services.
  if (typeof first === 'object' && first !== null && 'version' in first && !('contents' in first)) {
    url.pathname = `${url.pathname.replace(/\/$/, '')}/services`;
    url.searchParams.set('full', 'true');
    first = await fetchJson(url, signal, budget, limits);
  }
  const page = pageOf(first);
  if (!page) return { url: url.toString(), pages: 1, services: [first], truncated: false };
  const services = [...page.contents];
  let pages = 1;
  let pageNumber = page.pageNumber;
  while (pageNumber < page.totalPages && pages < limits.maxPages) {
    const next = new URL(url);
    next.searchParams.set('page', String(pageNumber + 1));
    const more = pageOf(await fetchJson(next, signal, budget, limits));
    if (!more || more.contents.length === 0 || more.pageNumber <= pageNumber) break;
    services.push(...more.contents);
    pageNumber = more.pageNumber;
    pages += 1;
  }
  return { url: url.toString(), pages, services, truncated: pageNumber < page.totalPages };
}
