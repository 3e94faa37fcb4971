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

/** What a field a request does not take is told: most often a misspelt name, silently ignored before. */
export const UNKNOWN_FIELD = 'is not a field this takes: check its name';

/**
 * Field path → first message, e.g. { "coverage.wards": "name at least one ward…" }. A field a strict
 * request does not take is named on its own, as every other bad field is, not as its parent's problem.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  const add = (path: readonly PropertyKey[], message: string) => {
    const name = fieldPath(path);
    if (!Object.hasOwn(fields, name)) fields[name] = message;
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys) add([...issue.path, key], UNKNOWN_FIELD);
    else add(issue.path, issue.message);
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
