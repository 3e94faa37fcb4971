// Talking to the server: JSON in and out, the session token, and errors turned into plain words.
// Only the sync layer and sign-in call this; screens read the local database.
import { apiErrorSchema } from '../domain/api/apiError.ts';
import { API_VERSION, API_VERSION_HEADER } from '../domain/api/apiVersion.ts';
import { noteServerAnswer } from './features/device/serverVersion.ts';

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

/** No answer at all: offline, server down, or the request timed out. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

const TIMEOUT_MS = 30_000;

export interface ApiFetchInit extends RequestInit {
  token?: string;
  /** Called with a successful answer's headers as soon as they arrive, before its body. */
  onHeaders?: (headers: Headers) => void;
}

export async function apiFetch(path: string, init: ApiFetchInit = {}): Promise<unknown> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  // The server refuses an app too old (or too new) for it, rather than half-understanding it.
  headers.set(API_VERSION_HEADER, String(API_VERSION));
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new NetworkError('Cannot reach the server. You may be offline; your work is kept on this device.');
  }
  noteServerAnswer(response.headers);
  if (response.ok) init.onHeaders?.(response.headers);
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // An HTML error page from a proxy, for example: reported below by status.
  }
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiRequestError(response.status, code, message, fields);
    }
    throw new ApiRequestError(
      response.status,
      'http_error',
      `The server answered ${response.status}. Please try again.`,
    );
  }
  return body;
}
