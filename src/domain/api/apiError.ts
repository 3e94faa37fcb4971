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

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const FORMATS: Record<string, string> = {
  email: 'must be an email address',
  uuid: 'must be a UUID',
  url: 'must be a web address',
  datetime: 'must be a date and time, e.g. 2026-11-29T21:00:00Z',
  date: 'must be a date as YYYY-MM-DD',
};

/**
 * An issue's message in plain words: a schema's own message as written, and zod's built-in ones
 * ("Too big: expected string to have <=100 characters", "Invalid input: expected object, received
 * array") said as a person would, for the API's answers, the app's forms and the CSV import alike.
 */
export function plainMessage(issue: z.core.$ZodIssue): string {
  const { message } = issue;
  switch (issue.code) {
    case 'too_big':
      if (!message.startsWith('Too big')) return message;
      if (issue.origin === 'string') return `is too long: at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `has too many: at most ${String(issue.maximum)}`;
      return `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      if (!message.startsWith('Too small')) return message;
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'is required'
          : `is too short: at least ${String(issue.minimum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `has too few: at least ${String(issue.minimum)}`;
      return `must be at least ${String(issue.minimum)}`;
    case 'invalid_type':
      if (!message.startsWith('Invalid input')) return message;
      return message.endsWith('received undefined')
        ? 'is missing'
        : `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      if (!message.startsWith('Invalid')) return message;
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (!message.startsWith('Invalid')) return message;
      return FORMATS[issue.format] ?? 'is not written as this field needs';
    default:
      return message.startsWith('Invalid') ? 'is not valid' : message;
  }
}

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
    else add(issue.path, plainMessage(issue));
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
