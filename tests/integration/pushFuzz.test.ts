// Push against a hostile or broken client, by property: batches of arbitrary mutations — any JSON, keys
// such as `constructor` or `__proto__`, NUL characters and lone surrogates, values nested thousands
// deep, megabytes of text, every entity, every role, real and made-up record ids — each with one good
// mutation. Whatever is sent: never a 5xx; the good mutation still applies; afterwards every user's
// full and incremental pull parses with the app's own schema; nothing outside an entity's schema is
// stored.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aRequest, stamp } from '../support/records.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import {
  openSyncWorld,
  PARISH_A,
  PARISH_B,
  WORLD_USERS,
  type Device,
  type SyncWorld,
} from '../support/syncWorld.ts';
import { ENTITIES, MUTABLE_ENTITIES, describeEntity, fieldsOf } from '../../src/domain/entities/registry.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const BODY_LIMIT = 4 * 1024 * 1024;

/**
 * A value nested `depth` deep. Neither JSON.stringify nor fast-check's reports can walk 10,000 levels,
 * so it stands in as a token and is written out as text when the body is made.
 */
class NestedDeep {
  constructor(readonly depth: number) {}
  toJSON() {
    return `__nested_${this.depth}__`;
  }
  [fc.toStringMethod]() {
    return `<nested ${this.depth} deep>`;
  }
}
const nestedDeep = (depth: number) => new NestedDeep(depth);
const writeBody = (clientId: string, mutations: unknown[]) =>
  JSON.stringify({ clientId, mutations }).replace(
    /"__nested_(\d+)__"/g,
    (_token, depth: string) => `${'{"inner":'.repeat(Number(depth))}"bottom"${'}'.repeat(Number(depth))}`,
  );

const nastyText = fc.constantFrom(
  '\u0000',
  'before\u0000after',
  '\uD800',
  'lone low \uDC00 here',
  '\uDC00\uD800',
  'x'.repeat(1536 * 1024),
  "'; DROP TABLE requests; --",
  '<img src=x onerror=alert(1)>',
);
const nastyValue = fc.oneof(
  nastyText,
  fc.constant(nestedDeep(10_000)),
  fc.constant(nestedDeep(40)),
  fc.constant(Array.from({ length: 5000 }, () => 'food')),
);
const anyValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyValue },
);
const everyField = [...new Set(ENTITIES.flatMap((entity) => fieldsOf(entity)))];
const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...everyField) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'constructor',
      'toString',
      'valueOf',
      'hasOwnProperty',
      '__proto__',
      'prototype',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
  { weight: 1, arbitrary: nastyText },
);

describe.each(databaseKinds)('push fuzz (%s)', (kind) => {
  let world: SyncWorld;
  const devices = new Map<string, Device>();
  const knownIds: string[] = [];
  let cases = 0;
  let mutationsSent = 0;

  beforeAll(async () => {
    world = await openSyncWorld(kind);
    for (const person of WORLD_USERS) {
      const device = await world.device(person.username);
      await device.sync();
      devices.set(person.username, device);
    }
    for (const entity of ENTITIES) {
      const { table } = describeEntity(entity).storage;
      const rows = await world.test.db.query<{ id: string }>(`SELECT id::text AS id FROM ${table} LIMIT 5`);
      knownIds.push(...rows.map((row) => row.id));
    }
  });
  afterAll(async () => {
    console.log(`push fuzz on ${kind}: ${cases} batches, ${mutationsSent} mutations`);
    await world.close();
  });

  const mutation = fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    {
      weight: 6,
      arbitrary: fc.record({
        id: fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.string() }),
        entity: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...MUTABLE_ENTITIES) },
          { weight: 1, arbitrary: fc.string() },
        ),
        recordId: fc.oneof(
          fc.constantFrom(...knownIdsOrPlaceholder()),
          fc.uuid(),
          fc.string({ maxLength: 120 }),
        ),
        hlc: fc.oneof(
          { weight: 5, arbitrary: fc.constant(null).map(() => stamp('fuzz')) },
          { weight: 1, arbitrary: fc.string() },
        ),
        changes: fc.dictionary(fieldName, anyValue, { minKeys: 1, maxKeys: 5 }),
        base: fc.dictionary(
          fieldName,
          fc.oneof(
            fc.string(),
            fc.constant(null).map(() => stamp('fuzz')),
          ),
          { maxKeys: 3 },
        ),
      }),
    },
  );
  // The ids to aim at are read in beforeAll; arbitraries built after it see them.
  function knownIdsOrPlaceholder(): string[] {
    return knownIds.length > 0 ? knownIds : ['none'];
  }

  function goodMutation(username: string) {
    const parishCode = username === 'parish-b' ? PARISH_B : PARISH_A;
    const request = aRequest({ place: { wardCode: null, parishCode, lat: null, lon: null, address: '' } });
    return {
      id: randomUUID(),
      entity: 'request',
      recordId: request.id,
      hlc: stamp(),
      changes: request,
      base: {},
    };
  }

  it(
    'never answers 5xx, applies the good change in every batch, and keeps every pull readable',
    { timeout: 900_000 },
    async () => {
      // A counterexample can hold megabytes of text: report its start, not all of it.
      await assertShortly(
        fc.asyncProperty(
          fc.constantFrom(...WORLD_USERS.map((person) => person.username)),
          fc.array(mutation, { minLength: 1, maxLength: 5 }),
          fc.nat(),
          async (username, mutations, position) => {
            const good = goodMutation(username);
            const batch = [...mutations];
            batch.splice(position % (batch.length + 1), 0, good);
            cases += 1;
            mutationsSent += batch.length;
            const body = writeBody(`fuzz-${username}`, batch);
            const { status, results } = await world.pushText(username, body);
            // A body over the server's limit is refused whole, with a 413 that says so.
            if (body.length > BODY_LIMIT) {
              expect(status).toBe(413);
              return;
            }
            expect(status).toBe(200);
            expect(results).toHaveLength(batch.length);
            expect(results.find((result) => result.id === good.id)).toMatchObject({ status: 'applied' });
          },
        ),
        { numRuns: RUNS },
      );

      // Every device that had synced before reads on from its cursor; a fresh one reads everything.
      for (const person of WORLD_USERS) {
        await devices.get(person.username)!.sync();
        await (await world.device(person.username)).sync();
      }
      // Nothing stored that the entity's schema does not name, in records or in clocks.
      for (const entity of ENTITIES) {
        const description = describeEntity(entity);
        const fields = fieldsOf(entity);
        const rows = await world.test.db.query<{
          id: string;
          record: Record<string, unknown>;
          field_clocks: object;
        }>(`SELECT id::text AS id, record, field_clocks FROM ${description.storage.table}`);
        for (const row of rows) {
          expect(description.schema.safeParse(row.record).success, `${entity} ${row.id} parses`).toBe(true);
          expect(
            Object.keys(row.record).filter((field) => !fields.includes(field)),
            `${entity} ${row.id} fields`,
          ).toEqual([]);
          expect(
            Object.keys(row.field_clocks).filter((field) => !fields.includes(field)),
            `${entity} ${row.id} clocks`,
          ).toEqual([]);
        }
      }
    },
  );
});

async function assertShortly(
  property: fc.IAsyncProperty<[string, unknown[], number]>,
  options: fc.Parameters<[string, unknown[], number]>,
) {
  try {
    await fc.assert(property, options);
  } catch (error) {
    const message = String((error as Error).message);
    const cause = (error as Error).cause;
    // Not `{ cause: error }`: the report would print the megabytes this function exists to leave out.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(
      `${message.slice(0, 1500)} … ${message.slice(-1500)}\ncaused by: ${cause instanceof Error ? cause.stack : String(cause)}`,
    );
  }
}
