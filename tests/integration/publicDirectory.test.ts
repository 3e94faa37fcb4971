// The public directory API (GET /api/public/partners): no sign-in; only partners that agreed to be shown
// publicly; and only their public fields — checked across every field of the partner schema, so a
// field added to partners later fails here until someone decides whether it is public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { saveLoadedRecords } from '../../src/server/directory/records.ts';
import { partnerSchema, type Partner } from '../../src/domain/entities/partner.ts';
import { publicDirectoryPageSchema } from '../../src/domain/directory/publicPartner.ts';
import { PUBLIC_PARTNERS_PAGE } from '../../src/domain/api/paging.ts';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { aPartner } from '../support/directoryFixtures.ts';

/** Paths of the partner that the public may see (a path and everything under it). */
const PUBLIC_PATHS = [
  'id',
  'name',
  'kind',
  'capabilities',
  'coverage',
  'base.address',
  'base.postcode',
  'phone',
  'availability.always',
  'availability.hours',
  'lastVerified',
];
const isPublic = (path: string) =>
  PUBLIC_PATHS.some((allowed) => path === allowed || path.startsWith(`${allowed}.`));

/** Every leaf of a record as [path, value]. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      leaves(inner, path ? `${path}.${key}` : key),
    );
  }
  return [[path, value]];
}

/** A partner with a distinct, recognisable value in every field, public or not. */
const everyField: Partner = aPartner({
  name: 'Public Field Name',
  base: { address: '7 Public Street', postcode: 'ME14 1XX', lat: 51.2791, lon: 0.5291 },
  phone: '01632 960111',
  email: 'private-inbox@example.org',
  availability: {
    always: false,
    hours: [{ day: 2, opens: '08:15', closes: '19:45' }],
    outOfHoursPhone: '07700 900999',
  },
  capacityNotes: 'PRIVATE capacity notes: key safe code 4321',
  emergencyPlan: { agreed: true, date: '2024-05-06' },
  localCompact: { agreed: true, date: '2023-07-08' },
  listedPublicly: false,
  agreement: {
    date: '2025-09-10',
    recordedBy: 'PRIVATE Recorder Name',
    emergencyPlan: true,
    outOfHours: true,
    shownPublicly: true,
  },
  lastVerified: '2026-01-02',
  status: 'active',
  updatedAt: '2026-01-03T04:05:06.000Z',
  orukId: 'PRIVATE-oruk-service-id',
});

describe('GET /api/public/partners', () => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const notAgreed = aPartner({
    name: 'Declined Agreement',
    listedPublicly: true,
    agreement: { ...everyField.agreement!, shownPublicly: false },
  });
  const legacyListed = aPartner({ name: 'Listed Before Agreements', listedPublicly: true });
  const legacyUnlisted = aPartner({ name: 'Never Listed', listedPublicly: false });
  const paused = aPartner({ name: 'Paused Group', status: 'paused', agreement: everyField.agreement! });

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    await test.db.transaction((tx) =>
      saveLoadedRecords(tx, 'partner', [everyField, notAgreed, legacyListed, legacyUnlisted, paused]),
    );
    app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
  });
  afterAll(() => test.drop());

  async function directory() {
    const response = await app.request('/api/public/partners');
    expect(response.status).toBe(200);
    return publicDirectoryPageSchema.parse(await response.json()).partners;
  }

  it('answers a page at a time: limit, offset, and where the next page starts', async () => {
    const page = async (query: string) => {
      const response = await app.request(`/api/public/partners?${query}`);
      expect(response.status).toBe(200);
      const body = publicDirectoryPageSchema.parse(await response.json());
      return { names: body.partners.map((partner) => partner.name), nextOffset: body.nextOffset };
    };
    expect(await page('limit=1')).toEqual({ names: ['Listed Before Agreements'], nextOffset: 1 });
    expect(await page('limit=1&offset=1')).toEqual({ names: ['Public Field Name'], nextOffset: null });
    expect(await page('offset=5')).toEqual({ names: [], nextOffset: null });
    expect(await page(`limit=${PUBLIC_PARTNERS_PAGE.max}`)).toEqual({
      names: ['Listed Before Agreements', 'Public Field Name'],
      nextOffset: null,
    });
  });

  it.each([
    ['limit=0', 'limit'],
    [`limit=${PUBLIC_PARTNERS_PAGE.max + 1}`, 'limit'],
    ['limit=ten', 'limit'],
    ['limit=2.5', 'limit'],
    ['offset=-1', 'offset'],
  ])('refuses a bad page (%s) with a 400 naming the field', async (query, field) => {
    const response = await app.request(`/api/public/partners?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toEqual([field]);
  });

  it('answers without a sign-in, listing only partners that agreed to be shown publicly', async () => {
    const names = (await directory()).map((partner) => partner.name);
    expect(names).toEqual(['Listed Before Agreements', 'Public Field Name']);
  });

  it('the fixture names every field of the partner schema', () => {
    expect(Object.keys(everyField).sort()).toEqual(Object.keys(partnerSchema.shape).sort());
    expect(partnerSchema.safeParse(everyField).success).toBe(true);
  });

  it('gives no value of any non-public field, and every public one', async () => {
    const [shown] = (await directory()).filter((partner) => partner.id === everyField.id);
    const text = JSON.stringify(shown);
    const all = leaves(everyField);
    const hidden = all.filter(([path]) => !isPublic(path));
    expect(hidden.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        'email',
        'capacityNotes',
        'availability.outOfHoursPhone',
        'agreement.recordedBy',
        'base.lat',
      ]),
    );
    for (const [path, value] of hidden) {
      // Only values distinctive enough to recognise: strings and numbers (booleans and nulls are
      // covered by the strict schema, which refuses any key it does not name).
      if ((typeof value === 'string' && value.length >= 4) || typeof value === 'number') {
        expect(text, `non-public ${path} leaked`).not.toContain(String(value));
      }
    }
    for (const [path, value] of all.filter(([leafPath]) => isPublic(leafPath))) {
      if (typeof value === 'string' && value.length >= 4)
        expect(text, `public ${path} missing`).toContain(value);
    }
    // The strict schema parsed it, so no other key is there; and it says so for this field list too.
    expect(
      leaves(shown)
        .map(([path]) => path)
        .every(
          (path) =>
            !/email|capacity|outOfHours|agreement|emergencyPlan|localCompact|updatedAt|status|lat|lon/.test(
              path,
            ),
        ),
    ).toBe(true);
  });
});
