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
    const path = issue.path.map(String).join('.') || '(body)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** One sentence naming every bad field, for logs and command-line tools. */
export function describeFieldErrors(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([path, message]) => `${path}: ${message}`)
    .join('; ');
}
