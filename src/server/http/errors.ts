// Named errors that map to HTTP answers in one place. Anything a client can send that is wrong ends
// as one of these (a 4xx with { error: { code, message, fields? } }); only our own bugs are 500s.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../domain/api/apiError.ts';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** Extra answer headers, such as Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string, fields?: Record<string, string>) =>
  new HttpError(400, code, message, fields);
export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);

export function errorBody(code: string, message: string, fields?: Record<string, string>): ApiError {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/**
 * A PostgreSQL data exception (class 22: a value it cannot store, such as a NUL or a malformed uuid)
 * or a nesting too deep to walk is the client's bad input that a guard upstream missed: a 400, logged
 * so the guard gets added, never a 500 the device would retry forever.
 */
function isBadInputFromStorage(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('22') || code === '54001')) return true;
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** Connection failures (Node's and PostgreSQL's 08 class), shutdowns and starts, connections used up. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * The database out of reach: PostgreSQL restarting or failing over, the network to it down, its
 * connections used up. Not the request's fault and not a bug of ours, so not a 500: `pg` reports a
 * lost connection by message only.
 */
export function isDatabaseUnavailable(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return /^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    error.message,
  );
}

/** One line while the database is out of reach, not a stack trace for every request meanwhile. */
let lastUnavailableLog = 0;
function logUnavailable(error: Error): void {
  const now = Date.now();
  if (now - lastUnavailableLog < 10_000) return;
  lastUnavailableLog = now;
  console.error(`The database cannot be reached (${error.message}); answering 503 until it is back.`);
}

/** A row with the same unique key as one stored meanwhile (two requests making one username at once). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof HttpError) {
    return c.json(errorBody(error.code, error.message, error.fields), error.status, error.headers);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(errorBody('bad_request', error.message || 'The request is not valid.'), error.status);
  }
  // Two pushes locking the same records in opposite orders: PostgreSQL stops one; its device retries.
  const code = (error as { code?: unknown }).code;
  if (code === '40P01' || code === '40001') {
    return c.json(
      errorBody('busy', 'The server was busy with the same records. Your changes are kept; try again.'),
      503,
    );
  }
  if (isDatabaseUnavailable(error)) {
    logUnavailable(error);
    // Devices keep their changes and try again after a wait (sync backs off on any failed try).
    return c.json(
      errorBody(
        'database_unavailable',
        'The server cannot reach its database just now. Your changes are kept on this device; try again in a moment.',
      ),
      503,
      { 'Retry-After': '5' },
    );
  }
  // Checked before writing, so only a request racing another for the same key gets this far.
  if (isUniqueViolation(error)) {
    return c.json(
      errorBody(
        'conflict',
        'The same thing was just made by another request. Reload and check before trying again.',
      ),
      409,
    );
  }
  if (isBadInputFromStorage(error)) {
    console.warn('Bad input reached storage on', c.req.method, c.req.path, error.message);
    return c.json(
      errorBody('invalid', 'The request holds a value the server cannot store. Check what was sent.'),
      400,
    );
  }
  console.error('Unexpected error on', c.req.method, c.req.path, error);
  return c.json(errorBody('internal', 'Something went wrong on the server. Please try again.'), 500);
}
