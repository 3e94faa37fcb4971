// The one error body every API failure uses, and the translation of a zod failure into
// per-field messages a person can act on.
import { z } from 'zod';

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Field path → first message, e.g. { "coverage.wards": "name at least one ward…" }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = fieldPath(issue.path);
    if (!Object.hasOwn(fields, path)) fields[path] = issue.message;
  }
  return fields;
}

/**
 * A field's path as a key of `fields` ("forWhom.name", "(body)" for the whole body). A client may name
 * a field `__proto__`; as a key it would vanish when a client reads the answer into an object (it sets
 * the prototype instead), so that segment is written "[__proto__]".
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.map((segment) => (String(segment) === '__proto__' ? '[__proto__]' : String(segment))).join('.') ||
    '(body)'
  );
}

/** One sentence naming every bad field, for logs and command-line tools. */
export function describeFieldErrors(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([path, message]) => `${path}: ${message}`)
    .join('; ');
}
