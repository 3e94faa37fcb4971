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
