// Naming what an ORUK record holds that we do not keep, so an import never loses anything without a
// word: every property with a value that the mapping does not read is listed by its ORUK name.

const hasValue = (value: unknown) =>
  value !== null &&
  value !== undefined &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/** Properties of `record` with a value, other than those named in `read`, prefixed with `prefix`. */
export function unreadFields(record: unknown, read: readonly string[], prefix = ''): string[] {
  if (typeof record !== 'object' || record === null) return [];
  return Object.entries(record)
    .filter(([key, value]) => !read.includes(key) && hasValue(value))
    .map(([key]) => prefix + key);
}
