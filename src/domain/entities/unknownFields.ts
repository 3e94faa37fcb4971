// The fields of a value its schema does not name, at any depth: a pushed change's `place.extra` or a
// misspelt `agreement.shownPublicy`. zod drops such fields without a word when it parses (an object
// schema strips what it does not know), so a change carrying one was applied without it and the sender
// believed it kept. Read from the schema itself, so a field added to a schema is known here at once.
import type { z } from 'zod';

/** What this walk reads of a schema's definition (zod's own, under `_zod.def`). */
interface Definition {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
}

const definitionOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Definition;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema itself, past what only wraps it (optional, nullable, a default, a transform's input). */
function unwrapped(schema: z.core.$ZodType): Definition {
  let definition = definitionOf(schema);
  for (;;) {
    const inner = definition.innerType ?? (definition.type === 'pipe' ? definition.in : undefined);
    if (!inner) return definition;
    definition = definitionOf(inner);
  }
}

/**
 * The paths of every field in `value` that `schema` does not name, e.g. [['place', 'extra']]. Only
 * objects (through lists and records) are walked; a union's branches are left to the schema.
 */
export function unknownFields(schema: z.core.$ZodType, value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: { schema: z.core.$ZodType; value: unknown; path: (string | number)[] }[] = [
    { schema, value, path: [] },
  ];
  while (stack.length > 0) {
    const { schema: current, value: item, path } = stack.pop()!;
    const definition = unwrapped(current);
    if (definition.type === 'object' && definition.shape && isObject(item)) {
      const open = definition.catchall !== undefined && definitionOf(definition.catchall).type !== 'never';
      for (const [key, inner] of Object.entries(item)) {
        const field = Object.hasOwn(definition.shape, key) ? definition.shape[key] : undefined;
        if (field) stack.push({ schema: field, value: inner, path: [...path, key] });
        else if (!open) found.push([...path, key]);
      }
    } else if (definition.type === 'array' && definition.element && Array.isArray(item)) {
      item.forEach((inner, index) =>
        stack.push({ schema: definition.element!, value: inner, path: [...path, index] }),
      );
    } else if (definition.type === 'record' && definition.valueType && isObject(item)) {
      for (const [key, inner] of Object.entries(item))
        stack.push({ schema: definition.valueType, value: inner, path: [...path, key] });
    }
  }
  return found.sort((a, b) => a.join('.').localeCompare(b.join('.')));
}
