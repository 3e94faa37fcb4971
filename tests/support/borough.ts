// A borough of a chosen size for the benchmarks and big-data tests, written straight into the database
// (a PGlite folder, or a PostgreSQL schema) that a server then opens: wards and parishes (the real
// Maidstone boundaries when ../shared/data is there, for wards of real size, else the generated demo
// area), generated partners and contacts, and requests for help spread over the wards, stored as an
// import stores them (saveLoadedRecords).
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src/server/storage/open.ts';
import type { Queryable } from '../../src/server/storage/database.ts';
import { saveLoadedRecords } from '../../src/server/directory/records.ts';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { buildArea, parseBoundaryFile, parseParishList } from '../../src/domain/geo/areaImport.ts';
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import type { HelpRequest } from '../../src/domain/entities/request.ts';
import { CAPABILITIES } from '../../src/domain/entities/capabilities.ts';
import { hasSharedData, sharedDataPath } from './sharedData.ts';
import { aRequest } from './records.ts';

export interface BoroughSize {
  partners: number;
  contacts: number;
  requests: number;
  /** Real ward boundaries (Maidstone, 26 wards of ~4 KB each) when the shared data is there. */
  realWards?: boolean;
  /**
   * The requests as logged on phones: every field stamped with the clock of the phone that made it, as
   * a push stores them (an import stores none). A real borough's requests were all logged so.
   */
  loggedOnPhones?: boolean;
}

/** Maidstone's real wards and parish list, or the generated demo area when they are not here. */
export function boroughArea(realWards: boolean): { wards: Ward[]; parishes: Parish[]; source: string } {
  if (realWards && hasSharedData('maidstone', 'wards-2013.geojson')) {
    const wardsFile = sharedDataPath('maidstone', 'wards-2013.geojson');
    const parishFile = sharedDataPath('maidstone-lists', 'parishes.json');
    const boundaries = parseBoundaryFile(wardsFile, readFileSync(wardsFile, 'utf8'));
    const parishList = hasSharedData('maidstone-lists', 'parishes.json')
      ? parseParishList(parishFile, readFileSync(parishFile, 'utf8'))
      : undefined;
    if (boundaries.kind === 'wards') {
      const built = buildArea({
        wards: boundaries.wards,
        parishList: parishList?.kind === 'parishList' ? parishList.parishes : undefined,
      });
      if (built.errors.length === 0)
        return { wards: built.wards, parishes: built.parishes, source: 'Maidstone wards (2013)' };
    }
  }
  return { ...generateDemoArea(), source: 'generated demo area' };
}

const NAMES = ['A. Patel', 'B. Okafor', 'C. Nowak', 'D. Hughes', 'E. Murphy', 'F. Rahman', 'G. Evans'];

/** Requests that look like the ones duty officers log: varied needs, wards, addresses and phones. */
export function boroughRequests(wards: readonly Ward[], count: number): HelpRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const ward = wards[i % wards.length]!;
    return aRequest({
      needs: [
        ...new Set([
          CAPABILITIES[i % CAPABILITIES.length]!.id,
          CAPABILITIES[(i * 7 + 3) % CAPABILITIES.length]!.id,
        ]),
      ],
      place: {
        wardCode: ward.code,
        parishCode: null,
        lat: ward.centre[1],
        lon: ward.centre[0],
        address: `${(i % 180) + 1} ${ward.name} Road`,
      },
      forWhom: {
        name: NAMES[i % NAMES.length]!,
        phone: `07700 900${String(i % 1000).padStart(3, '0')}`,
        households: (i % 12) + 1,
      },
      urgency: i % 3 === 0 ? 'immediate' : 'today',
    });
  });
}

/** Each request's fields stamped when it was made, by one of 50 phones (set-based: one statement). */
async function stampAsLoggedOnPhones(tx: Queryable): Promise<void> {
  await tx.query(
    `UPDATE requests SET field_clocks = (
       SELECT jsonb_object_agg(field, jsonb_build_object(
         'hlc', lpad((extract(epoch FROM (record->>'createdAt')::timestamptz) * 1000)::bigint::text, 15, '0')
           || '-00001-phone-' || (abs(hashtext(id::text)) % 50),
         'by', record->>'createdBy'))
       FROM jsonb_object_keys(record) AS field)`,
  );
}

/** Writes the borough and the demo users (`duty`, `admin`, `parish`) into a PGlite folder or a schema. */
export async function prepareBorough(
  where: { dataDir: string } | { databaseUrl: string; schema: string },
  size: BoroughSize,
): Promise<{ source: string }> {
  const db = await openDatabase(where);
  const area = boroughArea(size.realWards ?? false);
  const { partners, contacts } = generateDemoDirectory(area, {
    partners: size.partners,
    contacts: size.contacts,
  });
  const requests = boroughRequests(area.wards, size.requests);
  await db.transaction(async (tx) => {
    await saveLoadedRecords(tx, 'ward', area.wards);
    await saveLoadedRecords(tx, 'parish', area.parishes);
    await saveLoadedRecords(tx, 'partner', partners);
    await saveLoadedRecords(tx, 'contact', contacts);
    await saveLoadedRecords(tx, 'request', requests);
    if (size.loggedOnPhones) await stampAsLoggedOnPhones(tx);
  });
  await seedDemo(db); // the demo users only: the area is already there
  await db.close();
  return { source: area.source };
}

export interface PulledRecord {
  entity: string;
  id: string;
  record: Record<string, unknown>;
}

/** Every record the server sends this token's user in a first pull, as it sends them. */
export async function pullEverything(serverUrl: string, token: string): Promise<PulledRecord[]> {
  const records: PulledRecord[] = [];
  let since = '';
  for (;;) {
    const response = await fetch(`${serverUrl}/api/sync/pull?limit=2000${since}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`pull: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as {
      changes: { entity: string; id: string; deleted: boolean; record?: Record<string, unknown> }[];
      cursor: string;
      hasMore: boolean;
    };
    for (const { entity, id, deleted, record } of page.changes)
      if (!deleted && record) records.push({ entity, id, record });
    since = `&since=${page.cursor}`;
    if (!page.hasMore) return records;
  }
}
