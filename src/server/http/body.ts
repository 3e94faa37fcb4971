// Reads and validates request input against the shared zod schemas, turning every failure into a
// 400 that names the bad fields.
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldErrors } from '../../domain/apiError.ts';
import { badRequest } from './errors.ts';

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('malformed_json', 'The request body is not valid JSON.');
  }
  return validate(schema, body);
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    throw badRequest('invalid', `Please check: ${Object.keys(fields).join(', ')}.`, fields);
  }
  return result.data;
}
