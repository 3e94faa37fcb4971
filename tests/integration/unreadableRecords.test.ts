// Records an older version stored that today's schemas refuse (a `javascript:` plan link, a name of
// invisible characters only, a list over its limit) are found set-based, counted by entity and field
// with their ids, logged as a warning by the server after it starts, and listed by
// `npm run check-records`; records that pass are not reported. On PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveLoadedRecords } from '../../src/server/directory/records.ts';
import {
  checkStoredRecordsInBackground,
  findUnreadableRecords,
} from '../../src/server/storage/unreadableRecords.ts';
import { runCheckRecords } from '../../src/server/cli/checkRecords.ts';
import { openDatabase } from '../../src/server/storage/open.ts';
import type { Database } from '../../src/server/storage/database.ts';
import { MAX_AREA_CODES } from '../../src/domain/geo/area.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { aParish, aWard } from '../support/area.ts';
import { aPartner } from '../support/directoryFixtures.ts';

const javascriptLink = aParish('OLD-P1', 'Old Parish', ['W1'], {
  communityEmergencyPlan: { has: true, link: 'javascript:alert(1)' },
});
const invisibleName = aPartner({ name: '\u200b\u2060\u200b' });
// readable, but naming a ward the server never had (stored before pushes were checked for it)
const goneWard = aPartner({ coverage: { boroughWide: false, wards: ['W1', 'NEVER-W9'], parishes: [] } });
const alsoInvisible = aPartner({ name: '\u200b' });
const tooManyWards = {
  id: randomUUID(),
  name: 'Old incident',
  type: 'flood',
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: null,
  status: 'open',
  wardCodes: Array.from({ length: MAX_AREA_CODES + 1 }, (_, index) => `W${index}`),
  updatedAt: '2026-01-01T00:00:00.000Z',
};

async function storeOldRecords(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await saveLoadedRecords(tx, 'ward', [aWard('W1', 'Marden', 0.3)]);
    await saveLoadedRecords(tx, 'parish', [aParish('P1', 'Marden', ['W1']), javascriptLink]);
    await saveLoadedRecords(tx, 'partner', [aPartner(), invisibleName, aPartner(), alsoInvisible, goneWard]);
    await saveLoadedRecords(tx, 'incident', [tooManyWards]);
  });
}

describe.each(databaseKinds)('stored records this version refuses, on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await storeOldRecords(test.db);
  });
  afterAll(() => test.drop());

  it('are counted by entity and field, with their ids, across pages', async () => {
    // pages of two rows, so the reading goes on past the first page of each table
    const report = await findUnreadableRecords(test.db, { pageSize: 2 });
    expect(report.checked).toBe(9);
    expect(report.unreadable).toBe(4);
    expect(report.fields.map((entry) => [entry.entity, entry.field, [...entry.ids].sort()])).toEqual([
      ['parish', 'communityEmergencyPlan.link', ['OLD-P1']],
      ['partner', 'name', [invisibleName.id, alsoInvisible.id].sort()],
      ['incident', 'wardCodes', [tooManyWards.id]],
    ]);
    expect(report.dangling.map((entry) => [entry.entity, entry.field, entry.ids])).toEqual([
      ['partner', 'coverage.wards[]', [goneWard.id]],
    ]);
  });

  it('are logged as a warning by the server, naming each field and how to mend them', async () => {
    const lines: string[] = [];
    await checkStoredRecordsInBackground(test.db, (line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toMatch(/WARNING: 4 of 9 stored records/);
    expect(text).toContain('parish.communityEmergencyPlan.link: 1');
    expect(text).toContain('partner.name: 2');
    expect(text).toContain('incident.wardCodes: 1');
    expect(text).toContain('npm run check-records');
    expect(text).toContain('partner.coverage.wards[]: 1 (names no ward on the server)');
  });
});

describe('npm run check-records', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('lists the ids of the records to mend, and exits 0 once there are none', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'resilience-hub-check-records-'));
    dirs.push(dataDir);
    const db = await openDatabase({ dataDir });
    await storeOldRecords(db);
    await db.close();
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    expect(await runCheckRecords([], { DATA_DIR: dataDir }, out)).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('4 of 9 stored records');
    for (const id of ['OLD-P1', invisibleName.id, alsoInvisible.id, tooManyWards.id, goneWard.id])
      expect(text).toContain(id);

    const mended = await openDatabase({ dataDir });
    await mended.query(`DELETE FROM parishes WHERE id = 'OLD-P1'`);
    await mended.query('DELETE FROM partners WHERE id = ANY($1::uuid[])', [
      [invisibleName.id, alsoInvisible.id],
    ]);
    await mended.query('DELETE FROM incidents WHERE id = $1', [tooManyWards.id]);
    await mended.query('DELETE FROM partners WHERE id = $1', [goneWard.id]);
    await mended.close();
    lines.length = 0;
    expect(await runCheckRecords([], { DATA_DIR: dataDir }, out)).toBe(0);
    expect(lines.join('\n')).toMatch(/All 4 stored records pass/);
  });
});
