// Names sort as a reader alphabetises them, not by character code.
import { describe, expect, it } from 'vitest';
import { compareNames, sortedByName } from '../../src/domain/entities/names.ts';

describe('names in order', () => {
  it('ignores case and accents, and counts numbers as numbers', () => {
    const names = ['unit 10', 'Zeta Church', 'Élan Café', 'apple Grove', 'Unit 2', 'Bridge Club'];
    expect([...names].sort(compareNames)).toEqual([
      'apple Grove',
      'Bridge Club',
      'Élan Café',
      'Unit 2',
      'unit 10',
      'Zeta Church',
    ]);
  });

  it('sorts records by name, keeping the given order of equal names, and leaves its input alone', () => {
    const records = [
      { id: 'b', name: 'Pantry' },
      { id: 'c', name: 'allotments' },
      { id: 'a', name: 'pantry' },
    ];
    expect(sortedByName(records).map((record) => record.id)).toEqual(['c', 'b', 'a']);
    expect(records.map((record) => record.id)).toEqual(['b', 'c', 'a']);
  });
});
