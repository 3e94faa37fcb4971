// The import-area command end to end, on a fresh PGlite folder (and on PostgreSQL too when
// TEST_DATABASE_URL is set): Maidstone's real wards and parishes load; a bad file writes nothing; and
// partners and contacts naming places that leave the area are mended and reported.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sharedDataPath } from '../support/sharedData.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { runImportArea } from '../../src/server/cli/importArea.ts';
import { openDatabase } from '../../src/server/storage/open.ts';
import type { Database } from '../../src/server/storage/database.ts';
import { partnerSchema, type Coverage, type Partner } from '../../src/domain/entities/partner.ts';
import { contactSchema, type Contact } from '../../src/domain/entities/contact.ts';
import type { Parish } from '../../src/domain/geo/area.ts';

const WARDS_DIR = sharedDataPath('maidstone');
const WARDS_FILE = join(WARDS_DIR, 'wards-2013.geojson');
const PARISHES_FILE = sharedDataPath('maidstone-lists', 'parishes.json');
const haveData = existsSync(WARDS_FILE) && existsSync(PARISHES_FILE);

const ALLINGTON = 'E05004982'; // an unparished ward, so dropping it leaves the parish list valid
const BOXLEY_WARD = 'E05004986';
const BICKNOR = 'E04004943';
const BOXLEY_PARISH = 'E04013399';

interface Backend {
  env: NodeJS.ProcessEnv;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

function pgliteBackend(root: string): Backend {
  const dataDir = join(root, 'data');
  return {
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    cleanup: () => Promise.resolve(),
  };
}

function postgresBackend(databaseUrl: string): Backend {
  const schema = `import_area_${randomBytes(6).toString('hex')}`;
  return {
    env: { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema },
    open: () => openDatabase({ databaseUrl, schema }),
    async cleanup() {
      const db = await openDatabase({ databaseUrl, schema });
      await db.query(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
  };
}

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: { log: (line: string) => lines.push(line), error: (line: string) => errors.push(line) },
  };
}

function partner(name: string, coverage: Coverage): Partner {
  return partnerSchema.parse({
    id: randomUUID(),
    name,
    kind: 'voluntary_group',
    capabilities: ['food'],
    coverage,
    base: { address: '', postcode: null, lat: null, lon: null },
    phone: '07700 900123',
    email: null,
    availability: { always: true, hours: [], outOfHoursPhone: null },
    capacityNotes: '',
    emergencyPlan: { agreed: false, date: null },
    localCompact: { agreed: false, date: null },
    listedPublicly: false,
    lastVerified: '2026-01-05',
    status: 'active',
    updatedAt: '2026-01-05T09:00:00.000Z',
  });
}

async function withDb<T>(backend: Backend, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await backend.open();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function count(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row?.n ?? -1;
}

const backends: { name: string; make: (root: string) => Backend }[] = [];
if (databaseKinds.includes('pglite')) backends.push({ name: 'PGlite', make: pgliteBackend });
const databaseUrl = process.env.TEST_DATABASE_URL;
if (databaseUrl && databaseKinds.includes('postgres'))
  backends.push({ name: 'PostgreSQL', make: () => postgresBackend(databaseUrl) });

for (const { name: backendName, make } of backends) {
  describe.skipIf(!haveData)(`import-area on ${backendName}`, () => {
    let root = '';
    let backend: Backend;

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'import-area-'));
      backend = make(root);
    });

    afterAll(async () => {
      await backend?.cleanup();
      if (root) await rm(root, { recursive: true, force: true });
    });

    it('loads the Maidstone folder and parish list into a fresh database', async () => {
      const { lines, errors, out } = capture();
      const code = await runImportArea([WARDS_DIR, PARISHES_FILE], backend.env, out);
      expect(errors).toEqual([]);
      expect(code).toBe(0);
      expect(lines).toContain('Loaded 26 wards.');
      expect(lines).toContain('Loaded 41 parishes.');
      expect(lines).toContain(
        '8 wards are wholly unparished: Allington, Bridge, Fant, Heath, High Street, North, Shepway North, Shepway South.',
      );
      await withDb(backend, async (db) => {
        expect(await count(db, 'wards')).toBe(26);
        expect(await count(db, 'parishes')).toBe(41);
        expect(await count(db, "change_log WHERE entity = 'ward'")).toBe(26);
        expect(await count(db, "change_log WHERE entity = 'parish'")).toBe(41);
        const [setting] = await db.query<{ value: { source: string; loadedAt: string } }>(
          "SELECT value FROM settings WHERE key = 'area'",
        );
        expect(setting?.value.source).toBe('wards-2013.geojson, parishes.json');
      });
    });

    it('refuses a malformed boundary file, names the problem, and writes nothing', async () => {
      const original = JSON.parse(await readFile(WARDS_FILE, 'utf8')) as {
        features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }[];
      };
      const broken = structuredClone(original);
      broken.features = broken.features.slice(0, 3);
      const ring = broken.features[2]?.geometry.coordinates[0];
      ring?.pop(); // the third ward's ring no longer ends where it starts
      const badFile = join(root, 'bad-wards.geojson');
      await writeFile(badFile, JSON.stringify(broken));
      const name = String(broken.features[2]?.properties.WD13NM);
      const code_ = String(broken.features[2]?.properties.WD13CD);

      const { lines, errors, out } = capture();
      const code = await runImportArea([badFile, PARISHES_FILE], backend.env, out);
      expect(code).toBe(1);
      expect(errors).toEqual([
        `bad-wards.geojson, feature 3 (code ${code_} "${name}"): ring 1 is not closed`,
        'Nothing was written.',
      ]);
      expect(lines.some((line) => line.startsWith('Loaded'))).toBe(false);

      const notJson = join(root, 'not-json.geojson');
      await writeFile(notJson, '{"type": "FeatureCollection",');
      const second = capture();
      expect(await runImportArea([notJson], backend.env, second.out)).toBe(1);
      expect(second.errors[0]).toMatch(/^not-json\.geojson is not valid JSON: /);

      await withDb(backend, async (db) => {
        expect(await count(db, 'wards')).toBe(26);
        expect(await count(db, 'parishes')).toBe(41);
      });
    });

    it('says a .json file of one bare geometry is that, not a bad parish list, and writes nothing', async () => {
      const original = JSON.parse(await readFile(WARDS_FILE, 'utf8')) as {
        features: { geometry: unknown }[];
      };
      const bare = join(root, 'ward.json');
      await writeFile(bare, JSON.stringify(original.features[0]?.geometry));
      const { errors, out } = capture();
      expect(await runImportArea([bare], backend.env, out)).toBe(1);
      expect(errors).toEqual([
        'ward.json is a bare Polygon geometry, with no code or name for the area: give a GeoJSON FeatureCollection whose features carry the code and name as properties',
        'Nothing was written.',
      ]);
      await withDb(backend, async (db) => expect(await count(db, 'wards')).toBe(26));
    });

    it('mends partners and contacts that name a ward or parish no longer in the area', async () => {
      const onlyAllington = partner('Allington Good Neighbours', {
        boroughWide: false,
        wards: [ALLINGTON],
        parishes: [],
      });
      const mixed = partner('Boxley Pantry', {
        boroughWide: false,
        wards: [ALLINGTON, BOXLEY_WARD],
        parishes: [BICKNOR],
      });
      const boroughWide = partner('Wide Aid', { boroughWide: true, wards: [], parishes: [] });
      const clerk: Contact = contactSchema.parse({
        id: randomUUID(),
        name: 'Parish clerk',
        role: 'Clerk',
        organisation: null,
        parishCode: BICKNOR,
        phones: { main: '01632 960001', outOfHours: null },
        email: null,
        visibility: 'restricted',
        lastVerified: '2026-01-05',
        updatedAt: '2026-01-05T09:00:00.000Z',
      });
      await withDb(backend, async (db) => {
        for (const record of [onlyAllington, mixed, boroughWide]) {
          await db.query('INSERT INTO partners (id, record) VALUES ($1, $2::jsonb)', [
            record.id,
            JSON.stringify(record),
          ]);
        }
        await db.query("INSERT INTO contacts (id, scope, record) VALUES ($1, 'parish:' || $2, $3::jsonb)", [
          clerk.id,
          BICKNOR,
          JSON.stringify(clerk),
        ]);
        // A parish coordinator for Bicknor, and a request logged in Allington.
        await db.query(
          `INSERT INTO users (id, username, display_name, password_hash, role, parish_code)
           VALUES ($1, 'bicknor-coordinator', 'B', 'x', 'parish_coordinator', $2)`,
          [randomUUID(), BICKNOR],
        );
        await db.query(`INSERT INTO requests (id, scope, record) VALUES ($1, 'staff', $2::jsonb)`, [
          randomUUID(),
          JSON.stringify({ place: { wardCode: ALLINGTON, parishCode: null } }),
        ]);
        // What the council recorded about a parish must survive a reload of the boundaries.
        await db.query(
          `UPDATE parishes SET record = jsonb_set(record, '{charterRole}', '{"agreed": true, "date": "2025-11-01"}')
                                      || '{"retired": true}'::jsonb
           WHERE id = $1`,
          [BOXLEY_PARISH],
        );
      });

      const folder = join(root, 'smaller');
      await mkdir(folder);
      const wards = JSON.parse(await readFile(WARDS_FILE, 'utf8')) as {
        features: { properties: { WD13CD: string } }[];
      };
      wards.features = wards.features.filter((feature) => feature.properties.WD13CD !== ALLINGTON);
      await writeFile(join(folder, 'wards.geojson'), JSON.stringify(wards));
      const parishes = JSON.parse(await readFile(PARISHES_FILE, 'utf8')) as { code: string }[];
      await writeFile(
        join(folder, 'parishes.json'),
        JSON.stringify(parishes.filter((parish) => parish.code !== BICKNOR)),
      );

      const { lines, errors, out } = capture();
      const code = await runImportArea([folder], backend.env, out);
      expect(errors).toEqual([]);
      expect(code).toBe(0);
      expect(lines).toContain('Loaded 25 wards.');
      expect(lines).toContain('Loaded 40 parishes.');
      expect(lines).toContain('Removed 1 ward that is no longer in the area: Allington.');
      expect(lines).toContain('Removed 1 parish that is no longer in the area: Bicknor.');
      const about = (name: string) => lines.filter((line) => line.includes(`"${name}"`));
      expect(about('Allington Good Neighbours')).toEqual([
        'Partner "Allington Good Neighbours" no longer covers Allington. It now covers no ward or parish, so it is paused: name where it works and make it active again.',
      ]);
      expect(about('Boxley Pantry')).toEqual([
        'Partner "Boxley Pantry" no longer covers Allington, Bicknor.',
      ]);
      expect(about('Wide Aid')).toEqual([]);
      expect(about('Parish clerk')[0]).toContain('Former parish: Bicknor');
      expect(about('bicknor-coordinator')[0]).toMatch(
        /coordinator for Bicknor, which is no longer in the area/,
      );
      expect(lines).toContain(
        '1 request names a ward or parish no longer in the area; they keep the place as it was logged.',
      );

      await withDb(backend, async (db) => {
        expect(await count(db, 'wards')).toBe(25);
        // the import's own changes carry clock stamps, so an older device edit of them is a conflict
        const [stamped] = await db.query<{ clocks: Record<string, { by: string }> }>(
          'SELECT field_clocks AS clocks FROM partners WHERE id = $1',
          [onlyAllington.id],
        );
        expect(stamped?.clocks.coverage?.by).toBe('the boundary import');
        expect(await count(db, 'wards WHERE id = $1', [ALLINGTON])).toBe(0);
        // The deleted ward stays in the change log, so a pull sends it as a tombstone.
        expect(await count(db, "change_log WHERE entity = 'ward' AND entity_id = $1", [ALLINGTON])).toBe(1);
        const partners = new Map(
          (await db.query<{ record: Partner }>('SELECT record FROM partners')).map(({ record }) => [
            record.id,
            record,
          ]),
        );
        expect(partners.get(onlyAllington.id)).toMatchObject({
          status: 'paused',
          coverage: { wards: [], parishes: [] },
        });
        expect(partners.get(onlyAllington.id)?.updatedAt).not.toBe(onlyAllington.updatedAt);
        expect(partners.get(mixed.id)).toMatchObject({
          status: 'active',
          coverage: { boroughWide: false, wards: [BOXLEY_WARD], parishes: [] },
        });
        expect(partners.get(boroughWide.id)).toEqual(boroughWide);
        const changedPartners = await db.query<{ entity_id: string }>(
          "SELECT entity_id FROM change_log WHERE entity = 'partner' ORDER BY entity_id",
        );
        expect(changedPartners.map((row) => row.entity_id).sort()).toEqual(
          [onlyAllington.id, mixed.id].sort(),
        );

        const [contact] = await db.query<{ scope: string | null; record: Contact }>(
          'SELECT scope, record FROM contacts WHERE id = $1',
          [clerk.id],
        );
        // Restricted and of no parish now: staff only.
        expect(contact?.scope).toBe('staff');
        expect(contact?.record).toMatchObject({ parishCode: null, organisation: 'Former parish: Bicknor' });
        expect(contactSchema.safeParse(contact?.record).success).toBe(true);
        expect(await count(db, "change_log WHERE entity = 'contact' AND entity_id = $1", [clerk.id])).toBe(1);

        const [boxley] = await db.query<{ record: Parish }>('SELECT record FROM parishes WHERE id = $1', [
          BOXLEY_PARISH,
        ]);
        expect(boxley?.record.charterRole).toEqual({ agreed: true, date: '2025-11-01' });
        expect(boxley?.record.retired).toBe(true);
      });
    });
  });
}
