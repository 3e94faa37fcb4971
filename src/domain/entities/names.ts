// The order people expect a list of names in: as a reader alphabetises, not as a computer does (case and
// accents do not split the list, "Unit 2" comes before "Unit 10"). The device keeps no name index for
// this (each index costs every record of a first pull a second write), so screens sort what they read.
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Compares two names as a reader alphabetises them. */
export const compareNames = (a: string, b: string): number => collator.compare(a, b);

/** The records in name order; records of the same name keep the order they came in. */
export function sortedByName<T extends { name: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => collator.compare(a.name, b.name));
}
