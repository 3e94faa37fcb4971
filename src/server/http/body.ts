// Reads and validates request input against the shared zod schemas, turning every failure into a
// 4xx that names the bad fields. Every JSON route reads its body here, so the guards below cover
// them all: only a JSON content type (a cross-site form or text/plain POST needs no CORS preflight,
// so refusing it stops cross-site requests), and nothing PostgreSQL cannot store or our code cannot
// walk (NUL, broken surrogates, very deep nesting) gets past this point, unless the route's schema
// checks that itself item by item (push). The body is read as UTF-8 and nothing else: bytes that are
// not UTF-8 (a Latin-1 "José") used to become U+FFFD and be stored as "Jos�", so they are refused
// whole, as are a declared charset other than UTF-8 and a compressed body (which read as "not JSON").
// An object that names a field twice is refused too, naming it: JSON.parse would keep the last.
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldErrors, fieldPath } from '../../domain/api/apiError.ts';
import { findUnstorableText } from '../../domain/sync/storableText.ts';
import { findDuplicateKey } from '../../domain/api/duplicateKeys.ts';
import { badRequest, HttpError } from './errors.ts';

/** application/json, or a JSON-based type such as application/merge-patch+json, with any charset. */
export function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The charset a Content-Type names, in lower case without quotes; null when it names none. */
function charsetOf(header: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(header ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request body as text, refused unless it is uncompressed UTF-8. JSON is UTF-8 (RFC 8259), and
 * every client we know sends it so; guessing at another encoding would store wrong letters.
 */
export async function readBodyText(c: Context): Promise<string> {
  const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity')
    throw new HttpError(
      415,
      'unsupported_encoding',
      `Send the request body uncompressed: this server does not read Content-Encoding: ${encoding}.`,
    );
  const charset = charsetOf(c.req.header('content-type'));
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8')
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Send the request body as UTF-8 (charset=utf-8), not ${charset || 'an empty charset'}.`,
    );
  try {
    return UTF8.decode(await c.req.arrayBuffer());
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw badRequest('invalid_text', 'The request body is not UTF-8 text: send JSON encoded as UTF-8.');
  }
}

export interface ReadJsonOptions {
  /**
   * The schema checks storable text itself, item by item: push refuses one bad mutation and applies
   * the rest of its batch, so the whole body must not be refused for it here.
   */
  schemaChecksText?: boolean;
}

export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: ReadJsonOptions = {},
): Promise<z.infer<S>> {
  if (!isJsonContentType(c.req.header('content-type')))
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Send the request body as JSON with the header Content-Type: application/json.',
    );
  const body = parseJsonBody(await readBodyText(c));
  return options.schemaChecksText ? validateShape(schema, body) : validate(schema, body);
}

const DUPLICATE_FIELD = 'is given more than once: give it once';

/**
 * A body's JSON, refused when it is not JSON or when an object in it names a field twice
 * ({"name":"A","name":"B"}): which one the sender meant is not for us to guess. Refused whole, in
 * push too: like malformed JSON, it is a fault of the body's writing, which the app never makes.
 */
export function parseJsonBody(text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('malformed_json', 'The request body is not valid JSON.');
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    const field = fieldPath(duplicate);
    throw badRequest('invalid', `Please check ${field}: it is given more than once.`, {
      [field]: DUPLICATE_FIELD,
    });
  }
  return body;
}

/**
 * A request's query parameters, checked against the route's schema: one it does not name is refused
 * when the schema is strict, as every one of our own API's is (the Open Referral feed's is not: its
 * readers send the standard's other filters). A parameter given twice
 * (?limit=1&limit=600) is refused naming it: which one counts is not for us to guess, and each
 * answered with the first while a cache or proxy in between may read the last.
 */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const repeated = Object.entries(c.req.queries())
    .filter(([, values]) => values.length > 1)
    .map(([name]) => name);
  if (repeated.length > 0)
    throw badRequest(
      'invalid',
      `Please check: ${repeated.join(', ')}.`,
      Object.fromEntries(repeated.map((name) => [fieldPath([name]), DUPLICATE_FIELD])),
    );
  return validate(schema, c.req.query());
}

/** Checks a JSON body or a query's parameters: storable text first, then the schema. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const unstorable = findUnstorableText(input);
  if (unstorable) {
    const field = fieldPath(unstorable.path);
    throw badRequest('invalid', `Please check ${field}: it ${unstorable.message}.`, {
      [field]: unstorable.message,
    });
  }
  return validateShape(schema, input);
}

function validateShape<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    throw badRequest('invalid', `Please check: ${Object.keys(fields).join(', ')}.`, fields);
  }
  return result.data;
}
