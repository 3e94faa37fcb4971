// Talking to the server: JSON in and out, the session token, and errors turned into plain words.
// Only the sync layer and sign-in call this; screens read the local database.
import { apiErrorSchema } from '../domain/api/apiError.ts';
import { API_VERSION, API_VERSION_HEADER } from '../domain/api/apiVersion.ts';
import { noteServerAnswer } from './features/device/serverVersion.ts';
import { slowLinkFetch, type HeardAnswer } from './slowLinkFetch.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** No answer at all: offline, server down, or the line went quiet before the whole answer came. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

const CANNOT_REACH = 'Cannot reach the server. You may be offline; your work is kept on this device.';

export interface ApiFetchInit extends RequestInit {
  token?: string;
  /** Called with a successful answer's headers as soon as they arrive, before its body. */
  onHeaders?: (headers: Headers) => void;
}

/** The answer's text, or the error it stands for (in plain words, from the server when it gave some). */
async function apiAnswer(path: string, init: ApiFetchInit): Promise<string> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  // The server refuses an app too old (or too new) for it, rather than half-understanding it.
  headers.set(API_VERSION_HEADER, String(API_VERSION));
  let answer: HeardAnswer;
  try {
    answer = await slowLinkFetch(path, { ...init, headers });
  } catch {
    throw new NetworkError(CANNOT_REACH);
  }
  const { response } = answer;
  noteServerAnswer(response.headers);
  if (response.ok) init.onHeaders?.(response.headers);
  let text: string;
  try {
    text = await answer.text();
  } catch {
    // Cut off (or gone quiet) part way through the answer: as if never reached, and tried again later.
    throw new NetworkError(CANNOT_REACH);
  }
  if (response.ok) return text;
  const parsed = apiErrorSchema.safeParse(parsedJson(text));
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    throw new ApiRequestError(response.status, code, message, fields);
  }
  // An HTML error page from a proxy, for example.
  throw new ApiRequestError(
    response.status,
    'http_error',
    `The server answered ${response.status}. Please try again.`,
  );
}

function parsedJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

/** A JSON answer, parsed. */
export async function apiFetch(path: string, init: ApiFetchInit = {}): Promise<unknown> {
  // Not JSON (a captive portal's page, say): null, which the caller's schema then refuses.
  return parsedJson(await apiAnswer(path, init)) ?? null;
}

/** An answer that is not JSON (a CSV file, say), as text. */
export const apiDownload = (path: string, init: ApiFetchInit = {}): Promise<string> => apiAnswer(path, init);
