// ORUK import over the official examples and the ORUK validator's mock feeds: the Default, Warn and
// Test feeds import with every value either kept or named in the notes; every Fail sample is refused
// (the file, or the record) or its bad values reported; re-import updates by ORUK id.
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../support/sharedData.ts';
import { PARISHES, WARDS, NOW, TODAY, aPartner } from '../support/directoryFixtures.ts';
import { servicesInFeed } from '../../src/domain/openReferral/feedFile.ts';
import { previewOrukImport, type OrukImportPreview } from '../../src/domain/openReferral/importPreview.ts';
import type { MapContext } from '../../src/domain/openReferral/mapService.ts';
import { hoursFromSchedules } from '../../src/domain/openReferral/schedules.ts';

const ORUK = ['openreferral-uk', 'samples'];
const haveData = hasSharedData(...ORUK);
const feedDir = (name: string) => sharedDataPath(...ORUK, name);
const readJson = (dir: string, file: string): unknown => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));

const context = (overrides: Partial<MapContext> = {}): MapContext => ({
  wards: WARDS,
  parishes: PARISHES,
  termMappings: [],
  phones: {},
  today: TODAY,
  now: NOW,
  newId: randomUUID,
  ...overrides,
});

/** Every leaf of a JSON value with its path of property names. */
function leaves(value: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((one) => leaves(one, path));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, one]) => leaves(one, [...path, key]));
  return value === null || value === '' ? [] : [{ path, value }];
}

/**
 * A value of the feed is accounted for when the partner holds it, or a note names its field. Ids of
 * nested objects identify records inside the feed only and have no meaning here, so they are exempt,
 * as is last_modified (when the feed last changed; our own clock says when it changed here), and the
 * schedule and taxonomy fields that are turned into hours and needs (their own tests check those) —
 * a link type says only that the term is about the service.
 */
const CONVERTED = new Set([
  'schedules.freq',
  'schedules.interval',
  'schedules.byday',
  'schedules.opens_at',
  'schedules.closes_at',
  'attributes.taxonomy_term.name',
  'attributes.taxonomy_term.term',
  'attributes.link_type',
]);

function unexplained(raw: unknown, partnerJson: string, notes: readonly string[]): string[] {
  const said = notes.join('\n').toLowerCase();
  return leaves(raw)
    .filter(({ path }) => {
      const field = path[path.length - 1] ?? '';
      return (
        !(field === 'id' && path.length > 1) &&
        !field.endsWith('_id') &&
        field !== 'last_modified' &&
        !CONVERTED.has(path.join('.'))
      );
    })
    .filter(({ path, value }) => {
      if (typeof value === 'string' && partnerJson.includes(JSON.stringify(value.trim()).slice(1, -1)))
        return false;
      if (typeof value === 'number' && partnerJson.includes(String(value))) return false;
      return !path.some((segment) => said.includes(segment.replace(/_/g, ' ')) || said.includes(segment));
    })
    .map(({ path, value }) => `${path.join('.')}=${String(value)}`);
}

function importFile(dir: string, file: string, ctx = context()) {
  const feed = servicesInFeed(readJson(dir, file));
  return { feed, preview: feed.ok ? previewOrukImport(feed.services, [], ctx) : null };
}

/** The same import with a phone typed in for every service that needs one, as an admin would. */
function importWithPhones(dir: string, file: string) {
  const first = importFile(dir, file);
  const phones = Object.fromEntries(
    (first.preview?.refused ?? []).flatMap((one) =>
      one.needsPhone && one.orukId ? [[one.orukId, '01632 960123']] : [],
    ),
  );
  return { first, ...importFile(dir, file, context({ phones })) };
}

const imported = (preview: OrukImportPreview | null) => [
  ...(preview?.creates ?? []),
  ...(preview?.updates ?? []),
];

describe.skipIf(!haveData)('ORUK import of the official examples and the validator mocks', () => {
  const goodFeeds = [
    'oruk-3.0-examples',
    'oruk-validator-mocks/V3.0-UK-Default',
    'oruk-validator-mocks/V3.0-UK-Warn',
    'oruk-validator-mocks/V3.0-UK-Test',
  ];

  it.each(goodFeeds)('%s: services import, with every value kept or explained', (name) => {
    const dir = feedDir(name);
    const serviceFiles = readdirSync(dir).filter((file) => /^service_(full|list)/.test(file));
    expect(serviceFiles.length).toBeGreaterThan(0);
    for (const file of serviceFiles) {
      const { first, feed, preview } = importWithPhones(dir, file);
      expect(first.feed.ok, file).toBe(true);
      // ORUK 3.0 has no phone numbers: each service is held back, saying so, until one is given.
      for (const refusal of first.preview?.refused ?? []) {
        expect(refusal.needsPhone, `${file}: ${refusal.reasons.join('; ')}`).toBe(true);
        expect(refusal.reasons.join(' ')).toMatch(/no phone number/);
      }
      if (!feed.ok || !preview) throw new Error(file);
      expect(preview.refused, file).toEqual([]);
      const rows = imported(preview);
      // The Test list repeats one service 128 times: the first is imported and the rest are named.
      expect(rows.length + preview.duplicates.length, file).toBe(feed.services.length);
      for (const row of rows) {
        const raw = feed.services[row.index - 1];
        expect(unexplained(raw, JSON.stringify(row.record), row.notes), `${file} #${row.index}`).toEqual([]);
        expect(row.record.orukId ?? row.record.id).toBe((raw as { id: string }).id);
      }
    }
  });

  it('the full example keeps what a partner can hold and says why the rest is not kept', () => {
    const dir = feedDir('oruk-3.0-examples');
    const { preview } = importFile(
      dir,
      'service_full.json',
      context({ phones: { 'ac148810-d857-441c-9679-408f346de14b': '01632 960123' } }),
    );
    const row = preview?.creates[0];
    expect(row?.record).toMatchObject({
      name: 'Example Organization Inc. — Community Counselling',
      capabilities: ['mental_health'],
      email: 'email@example.com',
      phone: '01632 960123',
      lastVerified: '2005-01-01',
      availability: {
        always: false,
        hours: [
          { day: 3, opens: '10:00', closes: '18:00' },
          { day: 4, opens: '10:00', closes: '18:00' },
        ],
      },
      base: { address: '1-30 Main Street, MyCity', postcode: null, lat: null, lon: null },
      // The sample lies at latitude 100: nowhere on Earth, so in none of our wards.
      status: 'paused',
      kind: 'other',
    });
    const notes = row?.notes.join('\n') ?? '';
    expect(notes).toMatch(/latitude 100, longitude 101 is not a place on Earth/);
    expect(notes).toMatch(/postcode "ABC 1234" is not a UK postcode/);
    expect(notes).toMatch(/taxonomy term "name" means none of our needs/);
    expect(notes).toMatch(/contact Ann Persona, Reception Manager: not imported/);
    expect(notes).toMatch(/days of the month/);
    expect(preview?.unmappedTerms).toEqual(['name']);
  });

  it('an admin mapping of a taxonomy term decides the need', () => {
    const dir = feedDir('oruk-validator-mocks/V3.0-UK-Default');
    const { preview } = importFile(
      dir,
      'service_full.json',
      context({
        phones: { 'ac148810-d857-441c-9679-408f346de14b': '01632 960123' },
        termMappings: [{ term: 'Name', capability: 'befriending' }],
      }),
    );
    expect(preview?.creates[0]?.record.capabilities).toEqual(['befriending']);
    expect(preview?.unmappedTerms).toEqual([]);
  });

  it('every Fail sample is refused as a file or per record, or its bad values are reported', () => {
    const dir = feedDir('oruk-validator-mocks/V3.0-UK-Fail');
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const { feed, preview } = importWithPhones(dir, file);
      if (!feed.ok) {
        expect(feed.error, file).toMatch(/not (a )?services?|not an ORUK|details/);
        continue;
      }
      // Service files: the records without a name are refused for it; bad emails and urls are named.
      expect(preview, file).not.toBeNull();
      const reported = [
        ...(preview?.refused.map((one) => one.reasons.join('; ')) ?? []),
        ...imported(preview).map((one) => one.notes.join('; ')),
      ];
      expect(reported.length, file).toBe(feed.services.length - (preview?.duplicates.length ?? 0));
      for (const words of reported) expect(words, file).toMatch(/name is missing|email|url/);
    }
    const list = importFile(dir, 'service_list.json').preview;
    // All four lack a name (the fourth also has a number for an email): each refused for it.
    expect(list?.refused.map((one) => one.reasons[0])).toEqual(Array(4).fill('name is missing'));
    expect(list?.refused[3]?.reasons.join('; ')).toMatch(/email/);
    const full = importWithPhones(dir, 'service_full.json').preview;
    expect(full?.creates[0]?.notes.join('\n')).toMatch(/email "email-example_com" is not an email address/);
  });
});

describe('ORUK import rules', () => {
  const service = (overrides: Record<string, unknown> = {}) => ({
    id: 'svc-1',
    name: 'Marden Food Bank',
    status: 'active',
    phones: [{ id: 'p1', number: '01632 960001' }],
    attributes: [{ id: 'a1', taxonomy_term: { id: 't1', name: 'Food banks', description: 'x' } }],
    service_at_locations: [
      { id: 's1', location: { id: 'l1', location_type: 'physical', latitude: 51.25, longitude: 0.35 } },
    ],
    ...overrides,
  });

  it('places a service in the ward its location lies in and reads its needs from its terms', () => {
    const preview = previewOrukImport([service()], [], context());
    expect(preview.creates[0]?.record).toMatchObject({
      coverage: { boroughWide: false, wards: ['W1'], parishes: [] },
      capabilities: ['food'],
      orukId: 'svc-1',
      status: 'active',
    });
  });

  it('re-import updates the partner with that ORUK id and keeps what ORUK cannot say', () => {
    const held = aPartner({
      orukId: 'svc-1',
      name: 'Old name',
      phone: '01632 960999',
      emergencyPlan: { agreed: true, date: '2025-01-01' },
    });
    const preview = previewOrukImport([service({ phones: undefined })], [held], context());
    expect(preview.creates).toEqual([]);
    expect(preview.updates[0]?.record).toMatchObject({
      id: held.id,
      name: 'Marden Food Bank',
      phone: '01632 960999',
      emergencyPlan: { agreed: true, date: '2025-01-01' },
    });
    expect(preview.updates[0]?.changedFields).toContain('name');
  });

  it('asks again for a phone typed wrongly, and takes one typed rightly', () => {
    const withoutPhone = service({ phones: undefined });
    const wrong = previewOrukImport([withoutPhone], [], context({ phones: { 'svc-1': 'ring us' } }));
    expect(wrong.refused[0]).toMatchObject({ needsPhone: true });
    expect(wrong.refused[0]?.reasons[0]).toMatch(/"ring us", is not a phone number/);
    const right = previewOrukImport([withoutPhone], [], context({ phones: { 'svc-1': '01632 960222' } }));
    expect(right.creates[0]?.record.phone).toBe('01632 960222');
  });

  it('refuses a service whose terms mean no need, naming the terms to map', () => {
    const preview = previewOrukImport(
      [service({ name: 'Chess club', attributes: [{ id: 'a', taxonomy_term: { id: 't', name: 'Chess' } }] })],
      [],
      context(),
    );
    expect(preview.refused[0]?.reasons[0]).toMatch(/none of its taxonomy terms \(Chess\)/);
    expect(preview.refused[0]?.unmappedTerms).toEqual(['Chess']);
  });

  it('says what a schedule a week cannot hold does not keep', () => {
    const result = hoursFromSchedules([
      { id: 's', freq: 'MONTHLY', byday: 'MO', opens_at: '09:00', closes_at: '10:00' },
      { id: 't', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00:00', closes_at: '23:59:00' },
    ]);
    expect(result.always).toBe(true);
    expect(result.hours).toEqual([]);
    expect(result.notes[0]).toMatch(/monthly/);
  });

  it('refuses files that hold no services, saying what they hold', () => {
    expect(servicesInFeed({ version: 'HSDS-UK-3.0', profile: 'x', openapi_url: 'y' })).toMatchObject({
      ok: false,
    });
    const orgs = servicesInFeed({ contents: [{ id: 'o', name: 'Org', website: 'https://example.org' }] });
    expect(orgs.ok === false && orgs.error).toMatch(/lists organizations, not services/);
  });
});
