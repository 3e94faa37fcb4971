// Every route of the API and of the public Open Referral feed, fuzzed with hostile input, on PGlite
// and PostgreSQL. The routes are read from the Hono app itself, so a route added later is fuzzed
// without touching this file. Each case sends a random mix of: malformed JSON, wrong or missing
// content types, a body over the size limit, wrongly typed fields under the names our schemas use,
// NUL and lone/reversed surrogates, nesting 100 to 100 000 deep, SQL and HTML injection strings,
// invalid UTF-8, hostile query strings and path parameters, as each role and signed out. Invariants:
// never a 5xx; every refusal is { error: { code, message, fields? } } and an `invalid` one names at
// least one field (as a client reads it back), each in plain words rather than zod's; a refused request stores nothing (every table's row
// count is unchanged, except sessions, which the test itself creates, the sign-in throttle's counts
// and a failed sign-in's audit row, which are their job). The number of cases is printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApp } from '../../src/server/app.ts';
import { DEMO_USERS, seedDemo } from '../../src/server/demo/seed.ts';
import { createSession } from '../../src/server/auth/sessions.ts';
import { findUserByUsername, toUser } from '../../src/server/auth/users.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

/** zod's own messages ("Too big: expected string to have <=100 characters"), not plain words. */
const ZOD_WORDS = /^(Too (big|small)|Invalid (input|option|string|email|UUID|ISO))|expected .* received/;

/** Cases per route per database; FUZZ_RUNS raises it for a longer hunt. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 30);
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** Tables a refused request may still change: sessions this test makes, and the throttle's counts. */
const NOT_COUNTED = new Set(['sessions', 'login_throttle', 'schema_migrations']);

/** Field names our schemas use, so wrongly typed values reach the schemas and not just "unknown key". */
const FIELD_NAMES = [
  'username',
  'password',
  'clientId',
  'mutations',
  'id',
  'entity',
  'recordId',
  'hlc',
  'changes',
  'base',
  'record',
  'name',
  'role',
  'parishCode',
  'displayName',
  'since',
  'limit',
  'restricted',
  'status',
  'currentPassword',
  'newPassword',
  'url',
] as const;

/**
 * The fields of each body our routes take. Bodies take only their own fields (an unknown one is
 * refused), so a near-valid body names one route's fields, or all of them to reach that refusal.
 */
const BODY_SHAPES: readonly (readonly (typeof FIELD_NAMES)[number][])[] = [
  ['username', 'password'],
  ['username'],
  ['clientId', 'mutations'],
  ['username', 'displayName', 'role', 'parishCode'],
  ['displayName', 'role', 'parishCode'],
  ['currentPassword', 'newPassword'],
  ['url'],
  FIELD_NAMES,
];

/** A believable value for each field name, so one hostile field among them gets past the schema. */
const PLAUSIBLE: Record<(typeof FIELD_NAMES)[number], unknown> = {
  username: 'duty',
  password: 'not-the-password',
  clientId: 'fuzz-device',
  mutations: [],
  id: '6f1c1a52-7d0e-4c39-9f57-3f4f2b2a0c11',
  entity: 'request',
  recordId: '0b5e8e0e-2f0a-4a8e-9d7e-5a3c2f1b9e22',
  hlc: '2026-11-29T21:00:00.000Z-0000-fuzz',
  changes: {},
  base: {},
  record: {},
  name: 'Marden',
  role: 'duty_officer',
  parishCode: 'DEMO-P01',
  displayName: 'Fuzz',
  since: '1.0',
  limit: 10,
  restricted: false,
  status: 'new',
  currentPassword: 'not-the-password',
  newPassword: 'a-new-password-2026',
  url: 'https://example.org/openreferral',
};

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5)',
  '$1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '../../etc/passwd',
  '%00',
  '\u202eevil',
  '__proto__',
  'constructor',
  'toString',
  '9'.repeat(400),
  '-1',
  'NaN',
  '',
];
const BROKEN_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', 'ok\ud83d'];
const LONG_TEXT = 'x'.repeat(100_000);
/** Bytes that are not UTF-8: a stray byte, an encoded surrogate, an overlong NUL. */
const INVALID_UTF8: number[][] = [
  [0xff, 0xfe],
  [0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d],
  [0xc0, 0x80],
];

const hostileString = fc.oneof(
  fc.constantFrom(...INJECTIONS, ...BROKEN_TEXT),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constant(LONG_TEXT),
);
const shortHostileString = fc.oneof(
  fc.constantFrom(...INJECTIONS, ...BROKEN_TEXT),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const hostileLeaf = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(1e308, -0, 2 ** 53 + 1, -(2 ** 63)),
);
/** Query values: hostile strings, and cursors beyond what their columns hold. */
const queryValue = fc.oneof(
  shortHostileString,
  fc.constantFrom('99999999999999999999999.1', '1.9223372036854775808', '18446744073709551616.0', '-1.0'),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 2n ** 70n }), fc.bigInt({ min: 0n, max: 2n ** 70n }))
    .map(([xid, seq]) => `${xid}.${seq}`),
);
const fieldName = fc.oneof(fc.constantFrom(...FIELD_NAMES), shortHostileString);
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fieldName, tie('value'), { maxKeys: 4 }),
  ),
}));

type BodyCase =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'deep'; depth: number; field: string }
  | { kind: 'oversized' }
  | { kind: 'none' };

/** One route's fields, mostly believable, some hostile: a near-valid body for that route. */
const nearValid = fc
  .constantFrom(...BODY_SHAPES)
  .chain((names) =>
    fc.record(
      Object.fromEntries(
        names.map((name) => [
          name,
          fc.oneof(
            { arbitrary: fc.constant(PLAUSIBLE[name]), weight: 4 },
            { arbitrary: fc.constantFrom(...BROKEN_TEXT), weight: 2 },
            { arbitrary: fc.constantFrom(...INJECTIONS), weight: 1 },
            { arbitrary: hostileValue, weight: 1 },
          ),
        ]),
      ),
    ),
  );

const bodyCase: fc.Arbitrary<BodyCase> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('json' as const), value: nearValid }), weight: 6 },
  fc.record({ kind: fc.constant('json' as const), value: fc.dictionary(fieldName, hostileValue) }),
  fc.record({ kind: fc.constant('json' as const), value: hostileValue }),
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.oneof(
      fc.constantFrom('{', '{"username":', '[1,2', 'nul', '{"a":1}}', '{"a":01}', "{'a':1}", ''),
      fc.string({ maxLength: 40 }),
    ),
  }),
  fc.record({
    kind: fc.constant('bytes' as const),
    bytes: fc.constantFrom(...INVALID_UTF8),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    depth: fc.constantFrom(100, 10_000, 100_000),
    field: fc.constantFrom(...FIELD_NAMES),
  }),
  fc.constant({ kind: 'oversized' as const }),
  fc.constant({ kind: 'none' as const }),
);

// Mostly JSON, so most bodies get past the content type to the parser and the schemas.
const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 6 },
  fc.constantFrom(
    'application/json; charset=utf-8',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    null,
  ),
);

const OVERSIZED = `{"clientId":"${'x'.repeat(BODY_LIMIT_BYTES + 1024)}","mutations":[]}`;

function bodyOf(body: BodyCase): BodyInit | undefined {
  switch (body.kind) {
    case 'json':
      return JSON.stringify(body.value) ?? 'null';
    case 'text':
      return body.text;
    case 'bytes':
      return new Uint8Array(body.bytes);
    case 'deep': {
      const deep = '['.repeat(body.depth) + ']'.repeat(body.depth);
      return `{"${body.field}":${deep}}`;
    }
    case 'oversized':
      return OVERSIZED;
    case 'none':
      return undefined;
  }
}

/** A path segment from any string, lone surrogates included (encodeURIComponent would throw). */
const pathSegment = (text: string) => new URLSearchParams({ s: text }).toString().slice(2);

interface Route {
  method: string;
  path: string;
}

function apiRoutes(app: ReturnType<typeof createApp>): Route[] {
  const seen = new Map<string, Route>();
  for (const route of app.routes) {
    // The API, and the public Open Referral feed (no sign-in: anyone on the internet can send it anything).
    const served = route.path.startsWith('/api/') || route.path.startsWith('/openreferral');
    if (route.method === 'ALL' || !served || route.path.includes('*')) continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

const ROLES = ['admin', 'duty_officer', 'parish_coordinator', 'signed out'] as const;

describe.each(databaseKinds)('every API route fuzzed on %s', (kind) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const users = new Map<string, User>();
  let countRows: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedDemo(test.db, '2026-11-01');
    app = createApp(test.db, {
      distDir: '/nonexistent',
      sessionDays: 1,
      // Never the network: every feed's host is this machine, which a feed fetch refuses to reach.
      resolveHost: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    });
    for (const user of DEMO_USERS) {
      const row = await findUserByUsername(test.db, user.username);
      if (row) users.set(user.role, toUser(row));
    }
    const tables = (
      await test.db.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    )
      .map((table) => table.name)
      .filter((name) => !NOT_COUNTED.has(name));
    const sql = `SELECT json_build_object(${tables
      .map((name) => `'${name}', (SELECT count(*) FROM "${name}")`)
      .join(', ')}) AS counts`;
    countRows = async () => (await test.db.query<{ counts: Record<string, number> }>(sql))[0]!.counts;
  });
  afterAll(() => test.drop());

  // About 2,000 requests a database: more than a minute when the machine is busy with other tests.
  it('answers every hostile request with a clear 4xx and stores nothing', { timeout: 300_000 }, async () => {
    const routes = apiRoutes(app);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const statuses = new Map<number, number>();
    let cases = 0;
    for (const route of routes) {
      const sendsBody = route.method !== 'GET' && route.method !== 'HEAD';
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROLES),
          fc.dictionary(
            fc.oneof(
              fc.constantFrom(
                'since',
                'limit',
                'q',
                'id',
                'page',
                'per_page',
                'search',
                'modified_after',
                'full',
                'taxonomy_term_id',
              ),
              shortHostileString,
            ),
            queryValue,
            {
              maxKeys: 3,
            },
          ),
          shortHostileString,
          bodyCase,
          contentType,
          async (role, query, pathParam, body, type) => {
            cases++;
            const headers = new Headers();
            const user = users.get(role);
            if (user) headers.set('Authorization', `Bearer ${(await createSession(test.db, user, 1)).token}`);
            if (sendsBody && type !== null) headers.set('Content-Type', type);
            const path = route.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, () => pathSegment(pathParam));
            const search = new URLSearchParams(query).toString();
            const before = await countRows();
            const response = await app.request(`${path}${search ? `?${search}` : ''}`, {
              method: route.method,
              headers,
              ...(sendsBody ? { body: bodyOf(body) } : {}),
            });
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const what = `${route.method} ${route.path} as ${role} → ${response.status}`;
            expect(response.status, what).toBeLessThan(500);
            if (response.status >= 400) {
              const refusal = apiErrorSchema.safeParse(await response.json());
              expect(refusal.success, `${what}: not an { error } body`).toBe(true);
              if (refusal.success) {
                expect(refusal.data.error.message.length, what).toBeGreaterThan(10);
                if (refusal.data.error.code === 'invalid')
                  expect(Object.keys(refusal.data.error.fields ?? {}).length, what).toBeGreaterThan(0);
                for (const message of Object.values(refusal.data.error.fields ?? {}))
                  expect(message, `${what}: in zod's words`).not.toMatch(ZOD_WORDS);
              }
              const after = await countRows();
              // A failed sign-in is kept in the audit trail (its job): one row there, nothing else.
              if (route.path === '/api/auth/login' && response.status === 401) {
                expect(after.audit_log, what).toBeLessThanOrEqual((before.audit_log ?? 0) + 1);
                after.audit_log = before.audit_log ?? 0;
              }
              expect(after, `${what} stored something`).toEqual(before);
            } else {
              await response.arrayBuffer();
            }
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    const byStatus = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    console.log(`Route fuzz on ${kind}: ${cases} cases over ${routes.length} routes (${byStatus})`);
    expect(cases).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE);
  });
});
