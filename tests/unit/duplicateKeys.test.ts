// The scan for a field named twice in one JSON object: what it finds, the path it names, and what it
// must not take for a duplicate (the same name in sibling objects, a string value, an array).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDuplicateKey } from '../../src/domain/api/duplicateKeys.ts';

describe('findDuplicateKey', () => {
  it.each([
    ['a top-level field', '{"name":"A","name":"B"}', ['name']],
    ['a field spelt with an escape', '{"name":"A","\\u006eame":"B"}', ['name']],
    ['a nested field', '{"place":{"name":"A","ward":1,"name":"B"}}', ['place', 'name']],
    ['a field in an array item', '{"m":[{"a":1},{"a":1,"b":{},"a":2}]}', ['m', 1, 'a']],
    ['fields around spaces and braces in strings', '{ "x" : "}{,", "x" : 2 }', ['x']],
    ['an escaped quote in a name', '{"a\\"b":1,"a\\"b":2}', ['a"b']],
    ['__proto__ twice', '{"__proto__":1,"__proto__":2}', ['__proto__']],
  ])('finds %s', (_case, json, path) => {
    expect(findDuplicateKey(json)).toEqual(path);
  });

  it.each([
    ['the same name in sibling objects', '[{"a":1},{"a":2}]'],
    ['a value equal to a name', '{"a":"a","b":"a"}'],
    ['names differing only in case', '{"name":1,"Name":2}'],
    ["nested objects with their parent's names", '{"a":{"a":{"a":1}}}'],
    ['a string with a colon after it in an array', '["a", "a"]'],
    ['text that is not an object', '"x"'],
  ])('finds nothing in %s', (_case, json) => {
    expect(findDuplicateKey(json)).toBeNull();
  });

  it('finds nothing in any JSON.stringify output, and nests thousands deep without recursion', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => findDuplicateKey(JSON.stringify(value)) === null));
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    expect(findDuplicateKey(deep)).toBeNull();
  });
});
