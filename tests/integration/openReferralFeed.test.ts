// The public ORUK feed served from the demo borough, checked offline against the shared ORUK 3.0 JSON
// Schemas (each $ref's URL mapped to its local file) and the profile's compiled service schema with
// ajv: GET /openreferral/, every page of /services (one-to-one and full), every /services/{id}, and
// the download. Only partners listed publicly appear.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createApp } from '../../src/server/app.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import type { Partner } from '../../src/domain/entities/partner.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { hasSharedData, sharedDataPath } from '../support/sharedData.ts';

const SCHEMA_DIR = sharedDataPath('openreferral-uk', 'schema');
const SCHEMA_BASE = 'https://openreferraluk.org/specifications/3.0/schema/';

function orukValidator() {
  // The ORUK schemas carry Frictionless keywords (constraints, datapackage_metadata, core…): not strict.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(SCHEMA_DIR).filter(
    (name) => name.endsWith('.json') && name !== 'openapi.json' && name !== 'open_api.json',
  ))
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}/${file}`, 'utf8')), SCHEMA_BASE + file);
  const compiled = JSON.parse(readFileSync(`${SCHEMA_DIR}/uk-profile-compiled/service.json`, 'utf8'));
  ajv.addSchema({ ...compiled, $id: undefined }, 'compiled:service');
  return (schema: string, body: unknown) => {
    const validate = ajv.getSchema(schema.startsWith('compiled:') ? schema : SCHEMA_BASE + schema);
    if (!validate) throw new Error(`no schema ${schema}`);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}

describe.skipIf(!hasSharedData('openreferral-uk', 'schema')).each(databaseKinds)(
  'ORUK feed on %s',
  (kind) => {
    let test: TestDatabase;
    let app: ReturnType<typeof createApp>;
    let publicCount = 0;
    const errorsOf = hasSharedData('openreferral-uk', 'schema') ? orukValidator() : () => ['no schemas'];

    beforeAll(async () => {
      test = await openTestDatabase(kind);
      await seedDemo(test.db, '2026-11-01');
      app = createApp(test.db, { distDir: '/nonexistent', sessionDays: 1 });
      const rows = await test.db.query<{ record: Partner }>('SELECT record FROM partners');
      publicCount = rows.filter((row) => row.record.listedPublicly && row.record.status === 'active').length;
    });
    afterAll(() => test.drop());

    const get = async (path: string) => {
      const response = await app.request(path);
      return { response, body: (await response.json()) as Record<string, unknown> };
    };

    it('the validator itself refuses the ORUK validator mock that must fail', () => {
      const failing = JSON.parse(
        readFileSync(
          sharedDataPath(
            'openreferral-uk',
            'samples',
            'oruk-validator-mocks',
            'V3.0-UK-Fail',
            'service_full.json',
          ),
          'utf8',
        ),
      );
      expect(errorsOf('service.json', failing).join('\n')).toMatch(/email|uri/);
    });

    it('answers GET / with the ORUK version, open to any origin', async () => {
      expect((await get('/openreferral')).body).toEqual((await get('/openreferral/')).body);
      const { response, body } = await get('/openreferral/');
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(errorsOf('api_details.json', body)).toEqual([]);
      expect(body.version).toBe('HSDS-UK-3.0');
    });

    it('pages the public partners as services, valid against the ORUK schemas', async () => {
      expect(publicCount).toBeGreaterThan(10);
      const seen = new Set<string>();
      let pageNumber = 1;
      for (;;) {
        const { response, body } = await get(
          `/openreferral/services?page=${pageNumber}&per_page=40&full=true`,
        );
        expect(response.status).toBe(200);
        expect(errorsOf('service_list.json', body)).toEqual([]);
        const contents = body.contents as Record<string, unknown>[];
        for (const service of contents) {
          expect(errorsOf('service.json', service), String(service.id)).toEqual([]);
          expect(errorsOf('compiled:service', service), String(service.id)).toEqual([]);
          seen.add(String(service.id));
        }
        expect(body.total_items).toBe(publicCount);
        if (body.last_page) break;
        pageNumber += 1;
      }
      expect(seen.size).toBe(publicCount);
      const minimal = await get('/openreferral/services?per_page=5');
      expect(errorsOf('service_list.json', minimal.body)).toEqual([]);
      expect((minimal.body.contents as Record<string, unknown>[])[0]).not.toHaveProperty('schedules');
    });

    it('serves each service by id, and 404 for a partner that is not public', async () => {
      const { body: page } = await get('/openreferral/services?per_page=3');
      for (const { id } of page.contents as { id: string }[]) {
        const { response, body } = await get(`/openreferral/services/${id}`);
        expect(response.status).toBe(200);
        expect(errorsOf('service.json', body)).toEqual([]);
        expect(body.id).toBe(id);
      }
      const [hidden] = await test.db.query<{ id: string }>(
        `SELECT id::text FROM partners WHERE record->>'listedPublicly' = 'false' LIMIT 1`,
      );
      expect(hidden).toBeDefined();
      expect((await app.request(`/openreferral/services/${hidden?.id}`)).status).toBe(404);
    });

    it('publishes partners imported from feeds with ids of another form under UUIDs, found in any case', async () => {
      // An older feed's "svc-7", or a .NET feed's capitals: ORUK 3.0 wants every service id a UUID.
      const [first, second] = await test.db.query<{ id: string }>(
        `SELECT id::text FROM partners WHERE record->>'listedPublicly' = 'true' AND record->>'status' = 'active'
         ORDER BY id LIMIT 2`,
      );
      const capitals = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
      await test.db.query(
        `UPDATE partners SET record = jsonb_set(record, '{orukId}', '"svc-7"') WHERE id = $1`,
        [first?.id],
      );
      await test.db.query(
        `UPDATE partners SET record = jsonb_set(record, '{orukId}', $2::jsonb) WHERE id = $1`,
        [second?.id, JSON.stringify(capitals)],
      );
      const { body: page } = await get('/openreferral/services?per_page=1000');
      expect(errorsOf('service_list.json', page)).toEqual([]);
      const ids = (page.contents as { id: string }[]).map((one) => one.id);
      expect(ids).toContain(first?.id);
      expect(ids).toContain(capitals);
      const { response, body } = await get(`/openreferral/services/${first?.id}`);
      expect(response.status).toBe(200);
      expect(errorsOf('service.json', body)).toEqual([]);
      expect((await app.request(`/openreferral/services/${capitals.toLowerCase()}`)).status).toBe(200);
      expect((await app.request('/openreferral/services/svc-7')).status).toBe(404);
    });

    it('filters by taxonomy term and by time of change', async () => {
      const { body: all } = await get('/openreferral/services?per_page=1000&full=true');
      const services = all.contents as {
        attributes: { taxonomy_term_id: string; taxonomy_term: { term: string } }[];
      }[];
      const food = services.flatMap((one) => one.attributes).find((one) => one.taxonomy_term.term === 'food');
      const expected = services.filter((one) =>
        one.attributes.some((attribute) => attribute.taxonomy_term_id === food?.taxonomy_term_id),
      ).length;
      const { body: filtered } = await get(
        `/openreferral/services?taxonomy_term_id=${food?.taxonomy_term_id}`,
      );
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(publicCount);
      expect(filtered.total_items).toBe(expected);
      const { body: none } = await get('/openreferral/services?modified_after=2099-01-01T00:00:00Z');
      expect(none).toMatchObject({ total_items: 0, empty: true });
    });

    it('refuses a bad page number with 400 naming the field', async () => {
      const { response, body } = await get('/openreferral/services?page=0');
      expect(response.status).toBe(400);
      expect(JSON.stringify(body)).toMatch(/page/);
    });

    it('offers the whole feed as a file', async () => {
      const { response, body } = await get('/openreferral/download');
      expect(response.headers.get('content-disposition')).toMatch(
        /attachment; filename="openreferral-services-/,
      );
      expect(errorsOf('service_list.json', body)).toEqual([]);
      expect(body.total_items).toBe(publicCount);
      expect((body.contents as unknown[]).length).toBe(publicCount);
    });
  },
);
