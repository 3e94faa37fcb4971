// Every list a synced record holds is bounded: a record is stored on the server and sent to every
// device that sees it, so a client pushing a request with 100 000 needs or an incident with 100 000
// ward codes (well inside the 4 MB body limit) must be refused by the shared schema, naming the field.
// The test walks each sample record, grows every list in it in turn, and expects a refusal.
import { describe, expect, it } from 'vitest';
import { describeEntity, type Entity } from '../../src/domain/entities/registry.ts';
import { aPartner } from '../support/directoryFixtures.ts';
import { aRequest, anIncident } from '../support/records.ts';
import { aParish, aWard } from '../support/area.ts';

const NOW = '2026-11-29T10:00:00.000Z';
const HUGE = 100_000;

/** One valid record per entity with a list of its own (geometry aside: boundaries are imported). */
const SAMPLES: Record<string, unknown> = {
  ward: aWard('W1', 'Marden', 0.3, { neighbours: ['W2'] }),
  parish: aParish('P1', 'Marden', ['W1']),
  partner: aPartner({
    capabilities: ['food'],
    coverage: { boroughWide: false, wards: ['W1'], parishes: ['P1'] },
    availability: {
      always: false,
      hours: [{ day: 0, opens: '09:00', closes: '17:00' }],
      outOfHoursPhone: null,
    },
  }),
  incident: anIncident({ startedAt: NOW, updatedAt: NOW }),
  request: aRequest({ needs: ['food'] }),
};

/** Paths of every non-empty list in a value, geometry (coordinates, centre) left out. */
function listPaths(value: unknown, path: string[] = []): string[][] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    if (['coordinates', 'centre'].includes(path.at(-1) ?? '')) return [];
    return [path, ...value.flatMap((inner, index) => listPaths(inner, [...path, String(index)]))];
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => listPaths(inner, [...path, key]));
  return [];
}

function grown(record: unknown, path: string[]): unknown {
  const copy = structuredClone(record) as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const list = parent[path.at(-1)!] as unknown[];
  parent[path.at(-1)!] = Array.from({ length: HUGE }, () => list[0]);
  return copy;
}

const cases = Object.entries(SAMPLES).flatMap(([entity, record]) =>
  listPaths(record)
    .filter((path) => path.length > 0)
    .map((path) => ({ entity, record, path })),
);

describe('every list in a synced record', () => {
  it('has samples that are valid to start with', () => {
    for (const [entity, record] of Object.entries(SAMPLES)) {
      const schema = describeEntity(entity as Entity).schema;
      expect(schema.safeParse(record).error?.issues ?? []).toEqual([]);
    }
  });

  it.each(cases.map((entry) => [`${entry.entity}.${entry.path.join('.')}`, entry] as const))(
    '%s with 100 000 entries is refused, naming the list',
    (_name, { entity, record, path }) => {
      const schema = describeEntity(entity as Entity).schema;
      const result = schema.safeParse(grown(record, path));
      expect(result.success).toBe(false);
      expect(result.error?.issues.some((issue) => issue.path.map(String).join('.') === path.join('.'))).toBe(
        true,
      );
    },
  );
});
