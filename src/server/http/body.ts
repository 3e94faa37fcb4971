// Reads and validates request input against the shared zod schemas, turning every failure into a
// 4xx that names the bad fields. Every JSON route reads its body here, so the guards below cover
// them all: only a JSON content type (a cross-site form or text/plain POST needs no CORS preflight,
// so refusing it stops cross-site requests), and nothing PostgreSQL cannot store or our code cannot
// walk (NUL, broken surrogates, very deep nesting) gets past this point, unless the route's schema
// checks that itself item by item (push).
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldErrors, fieldPath } from '../../domain/api/apiError.ts';
import { findUnstorableText } from '../../domain/sync/storableText.ts';
import { badRequest, HttpError } from './errors.ts';

/** application/json, or a JSON-based type such as application/merge-patch+json, with any charset. */
export function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
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
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('malformed_json', 'The request body is not valid JSON.');
  }
  return options.schemaChecksText ? validateShape(schema, body) : validate(schema, body);
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
